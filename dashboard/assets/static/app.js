// Corridor dashboard: initialise every chart from its data-option JSON (no
// inline script, so the page runs under a strict CSP), wire drill-down,
// SVG export, printing, the back button and confirmations.
(function () {
  "use strict";
  var charts = [];

  var lang = document.body ? document.body.getAttribute("data-lang") : "";

  // num formats a plotted value for a tooltip ("—" where there is none).
  function num(v) {
    if (Array.isArray(v)) { v = v[v.length - 1]; }
    if (v === null || v === undefined || v === "-" || (typeof v === "number" && isNaN(v))) { return "—"; }
    if (typeof v !== "number") { return String(v); }
    return v.toLocaleString(lang === "en" ? "en" : "zh-CN", { maximumFractionDigits: 2 });
  }

  // tipFormat turns the charts' tooltip hints into formatters (JSON has no
  // functions): corridorUnit appends a series' unit to its values,
  // corridorBand shows a band as its two edges (P5–P95), not its width.
  function tipFormat(opt) {
    (opt.series || []).forEach(function (s) {
      var f = null;
      if (s.corridorBand) {
        var b = s.corridorBand;
        f = function (v, i) { return num(b.p5[i]) + " – " + num(b.p95[i]); };
      } else if (s.corridorUnit) {
        var u = s.corridorUnit;
        f = function (v) { var t = num(v); return t === "—" ? t : t + " " + u; };
      }
      if (f) { s.tooltip = Object.assign({}, s.tooltip, { valueFormatter: f }); }
    });
  }

  function init(el) {
    var opt;
    try {
      opt = JSON.parse(el.getAttribute("data-option"));
    } catch (e) {
      el.textContent = "图表数据无法解析 (chart data unreadable)";
      return;
    }
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.on("finished", function () { el.setAttribute("data-rendered", "1"); });
    var plain = JSON.parse(JSON.stringify(opt));
    tipFormat(opt);
    chart.setOption(opt);
    var drill = el.getAttribute("data-drill");
    if (drill) {
      chart.on("click", function (p) {
        // A node or edge that knows its records (network, sankey) carries
        // its own metric, by and value; the rest append the clicked name.
        if (p.data && typeof p.data.drill === "string") {
          window.location.href = drill + p.data.drill;
          return;
        }
        var name = p.name;
        if (p.dataType === "edge") { name = p.data.source; }
        if (!name) { return; }
        window.location.href = drill + encodeURIComponent(name);
      });
    }
    charts.push(chart);
    el._chart = chart;
    el._option = plain;
  }

  function svgExport(btn) {
    var el = document.getElementById(btn.getAttribute("data-svg"));
    if (!el || !el._option) { return; }
    var box = document.createElement("div");
    box.style.cssText = "position:absolute;left:-10000px;width:" + el.clientWidth + "px;height:" + el.clientHeight + "px";
    document.body.appendChild(box);
    var c = echarts.init(box, null, { renderer: "svg" });
    var opt = JSON.parse(JSON.stringify(el._option));
    opt.animation = false;
    c.setOption(opt);
    var svg = c.renderToSVGString();
    c.dispose();
    box.remove();
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    a.download = (el.getAttribute("data-title") || "chart") + ".svg";
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".chart[data-option]").forEach(init);
    document.querySelectorAll("[data-svg]").forEach(function (b) {
      b.addEventListener("click", function () { svgExport(b); });
    });
    document.querySelectorAll("[data-back]").forEach(function (b) {
      b.addEventListener("click", function () {
        if (window.history.length > 1) { window.history.back(); } else { window.location.href = "/"; }
      });
    });
    // A form with data-confirm asks first (withdrawing a load cannot be undone).
    document.querySelectorAll("form[data-confirm]").forEach(function (f) {
      f.addEventListener("submit", function (e) {
        if (!window.confirm(f.getAttribute("data-confirm"))) { e.preventDefault(); }
      });
    });
    // Phones: the menu button opens and closes the navigation.
    var toggle = document.getElementById("menu-toggle");
    if (toggle) {
      toggle.addEventListener("click", function () {
        var top = toggle.closest(".top");
        var open = !top.classList.contains("open");
        top.classList.toggle("open", open);
        toggle.setAttribute("aria-expanded", String(open));
      });
    }
    document.querySelectorAll("[data-print]").forEach(function (b) {
      b.addEventListener("click", function () { window.print(); });
    });
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
    window.addEventListener("beforeprint", function () { charts.forEach(function (c) { c.resize(); }); });
    document.body.setAttribute("data-charts", String(charts.length));
  });
})();
