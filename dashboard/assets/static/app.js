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
    titledSave(el, opt);
    // No animation on the first draw: ECharts' default second of it was most
    // of the time a leader waited for a page. A chart that wants motion (the
    // wall screen's flows) says so in its own option.
    if (opt.animation === undefined) { opt.animation = false; }
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

  var exportFont = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';
  var exportHead = 40; // px above the chart for its title

  function esc(t) {
    return String(t).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  // exportSVG is a chart as an SVG document with its title above it (the
  // 示例数据 mark is part of a sample chart's own option).
  function exportSVG(el) {
    var W = el.clientWidth, H = el.clientHeight;
    var box = document.createElement("div");
    box.style.cssText = "position:absolute;left:-10000px;width:" + W + "px;height:" + H + "px";
    document.body.appendChild(box);
    var c = echarts.init(box, null, { renderer: "svg" });
    var opt = JSON.parse(JSON.stringify(el._option));
    opt.animation = false;
    if (opt.toolbox) { opt.toolbox.show = false; }
    c.setOption(opt);
    var svg = c.renderToSVGString();
    c.dispose();
    box.remove();
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + W + '" height="' + (H + exportHead) + '">' +
      '<rect width="100%" height="100%" fill="#fff"/>' +
      '<text x="16" y="27" font-size="16" font-weight="bold" fill="#1f2329" font-family="' + esc(exportFont) + '">' +
      esc(el.getAttribute("data-title") || "") + '</text>' +
      '<g transform="translate(0,' + exportHead + ')">' + svg + '</g></svg>';
  }

  function download(href, name) {
    var a = document.createElement("a");
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function svgExport(btn) {
    var el = document.getElementById(btn.getAttribute("data-svg"));
    if (!el || !el._option) { return; }
    download(URL.createObjectURL(new Blob([exportSVG(el)], { type: "image/svg+xml" })),
      (el.getAttribute("data-title") || "chart") + ".svg");
  }

  // exportPNG draws the chart below its title on one canvas and passes
  // the PNG's data URL to done.
  function exportPNG(el, done) {
    var r = 2;
    var img = new Image();
    img.onload = function () {
      var cv = document.createElement("canvas");
      cv.width = img.width;
      cv.height = img.height + exportHead * r;
      var g = cv.getContext("2d");
      g.fillStyle = "#fff";
      g.fillRect(0, 0, cv.width, cv.height);
      g.fillStyle = "#1f2329";
      g.font = "bold " + 16 * r + "px " + exportFont;
      g.fillText(el.getAttribute("data-title") || "", 16 * r, 27 * r);
      g.drawImage(img, 0, exportHead * r);
      done(cv.toDataURL("image/png"));
    };
    img.src = el._chart.getDataURL({ type: "png", pixelRatio: r, backgroundColor: "#fff", excludeComponents: ["toolbox"] });
  }

  // The toolbox's save button exports with the title (ECharts' own
  // saveAsImage draws the chart alone).
  function titledSave(el, opt) {
    var f = opt.toolbox && opt.toolbox.feature;
    if (!f || !f.saveAsImage) { return; }
    delete f.saveAsImage;
    f.myPng = {
      show: true,
      title: lang === "en" ? "Save as PNG" : "保存为图片",
      icon: "path://M4.7,22.9L29.3,45.5L54.7,23.4M4.6,43.6L4.6,58L53.8,58L53.8,43.6M29.2,45.1L29.2,0",
      onclick: function () {
        exportPNG(el, function (url) { download(url, (el.getAttribute("data-title") || "chart") + ".png"); });
      }
    };
  }
  window.corridorExport = { svg: exportSVG, png: exportPNG };
  // corridorChart (re)draws a chart made after the page loaded (the SQL
  // console's "chart this") with the same tooltips, PNG and SVG export.
  window.corridorChart = function (el) {
    var old = echarts.getInstanceByDom(el);
    if (old) {
      charts = charts.filter(function (c) { return c !== old; });
      old.dispose();
    }
    el.removeAttribute("data-rendered");
    init(el);
  };

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
    // The file picker shows the chosen file's name in the page's language.
    document.querySelectorAll(".file-pick input[type=file]").forEach(function (inp) {
      var name = inp.parentNode.querySelector(".file-name"), none = name.textContent;
      inp.addEventListener("change", function () {
        name.textContent = inp.files && inp.files.length ? inp.files[0].name : none;
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
