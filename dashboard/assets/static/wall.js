// Corridor wall screen: draws each chart on the dark theme at the screen's
// scale, keeps a clock, reloads when the data change (polling the tiny
// /wall/version) and moves to the next scene after the rotation interval.
// No inline script: the page runs under the same strict CSP as the rest.
(function () {
  "use strict";
  var charts = [];
  var body = document.body;
  var lang = body.getAttribute("data-lang") === "en" ? "en" : "zh-CN";

  // scale is the screen's size against the 1920×1080 the options are
  // written for: 2 on a 4K wall.
  function scale() {
    return Math.max(0.75, Math.min(window.innerWidth / 1920, window.innerHeight / 1080));
  }

  var sized = { fontSize: 1, itemWidth: 1, itemHeight: 1, itemGap: 1, symbolSize: 1, textBorderWidth: 1, borderWidth: 1, width: 1, distance: 1, padding: 1 };

  // scaled multiplies every size in an option (fonts, symbols, line widths)
  // by k, and gives text whose size ECharts would choose itself a size.
  function scaled(o, k, key) {
    if (Array.isArray(o)) {
      return o.map(function (v) { return scaled(v, k, key); });
    }
    if (o === null || typeof o !== "object") {
      if (typeof o === "number" && sized[key]) { return o * k; }
      return o;
    }
    var out = {};
    Object.keys(o).forEach(function (name) {
      // "width" is a size in line styles only (a label's width is its box).
      var isSize = name !== "width" || key === "lineStyle";
      out[name] = scaled(o[name], k, isSize ? name : "");
    });
    return out;
  }

  function withText(o, k) {
    var t = { fontSize: 13 * k };
    ["xAxis", "yAxis"].forEach(function (ax) {
      [].concat(o[ax] || []).forEach(function (a) {
        a.axisLabel = Object.assign({ fontSize: 12 * k }, a.axisLabel);
        a.nameTextStyle = Object.assign({ fontSize: 12 * k }, a.nameTextStyle);
      });
    });
    [].concat(o.legend || []).forEach(function (l) {
      l.textStyle = Object.assign({}, t, l.textStyle);
      l.itemWidth = l.itemWidth || 22 * k;
      l.itemHeight = l.itemHeight || 13 * k;
    });
    (o.series || []).forEach(function (s) {
      if (s.type === "line") {
        s.lineStyle = Object.assign({ width: 2.5 * k }, s.lineStyle);
        s.symbolSize = s.symbolSize || 5 * k;
      }
      if (s.label) { s.label = Object.assign({ fontSize: 12 * k }, s.label); }
    });
    // A legend at the very top moves below the 示例数据 mark, and the plot
    // below the legend, at any scale.
    // Offsets written as strings of pixels ("24") grow with the screen too.
    var px = function (v) { return typeof v === "string" && /^[0-9]+$/.test(v) ? Number(v) * k : v; };
    [].concat(o.legend || []).forEach(function (l) { l.top = px(l.top); });
    [].concat(o.grid || []).forEach(function (g) { g.top = px(g.top); });
    if (o.title) {
      [].concat(o.legend || []).forEach(function (l) {
        if (typeof l.top === "string" && /%$/.test(l.top)) { l.top = 22 * k; }
      });
    }
    [].concat(o.grid || []).forEach(function (g) {
      if (g.top === undefined) { g.top = 64 * k; }
    });
    // The 示例数据 mark (a sample chart's title) goes to the free top right,
    // readable on the dark theme; the wall's header says it too.
    [].concat(o.title || []).forEach(function (ti) {
      ti.left = "auto";
      ti.right = 4 * k;
      ti.textStyle = Object.assign({}, ti.textStyle, { color: "#d9a441" });
    });
    o.tooltip = Object.assign({}, o.tooltip, { textStyle: t });
    o.textStyle = Object.assign({}, o.textStyle, t);
  }

  function build(el) {
    var opt = JSON.parse(el.getAttribute("data-option"));
    delete opt.toolbox; // nothing to save on a wall
    delete opt.dataZoom;
    var k = scale();
    opt = scaled(opt, k, "");
    withText(opt, k);
    opt.backgroundColor = "transparent";
    opt.animationDuration = 400;
    return opt;
  }

  function init(el) {
    var opt;
    try {
      opt = build(el);
    } catch (e) {
      el.textContent = lang === "en" ? "chart data unreadable" : "图表数据无法解析";
      return;
    }
    var chart = echarts.init(el, "dark", { renderer: "canvas" });
    var drawn = function () { el.setAttribute("data-rendered", "1"); };
    chart.on("finished", drawn);
    // Moving lines and rippling points never finish: such a chart is drawn
    // once it has rendered its first frames.
    var moving = (opt.series || []).some(function (s) { return s.type === "effectScatter" || (s.effect && s.effect.show); });
    if (moving) { chart.on("rendered", drawn); }
    chart.setOption(opt);
    charts.push({ el: el, chart: chart });
  }

  // redraw: a new size may be a new scale, so the options are rebuilt.
  var pending = 0;
  function redraw() {
    clearTimeout(pending);
    pending = setTimeout(function () {
      charts.forEach(function (c) {
        c.chart.resize();
        c.chart.setOption(build(c.el), true);
      });
    }, 150);
  }

  function clock() {
    var el = document.getElementById("wall-clock");
    if (!el) { return; }
    var tick = function () {
      el.textContent = new Date().toLocaleString(lang, { hour12: false, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    };
    tick();
    setInterval(tick, 1000);
  }

  // poll reloads the page when the data version changes; an unreachable
  // server leaves the wall as it is and is asked again next time.
  function poll() {
    var version = body.getAttribute("data-version");
    setInterval(function () {
      fetch("/wall/version", { cache: "no-store", credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (v) { if (v && v.version && v.version !== version) { window.location.reload(); } })
        .catch(function () {});
    }, 15000);
  }

  function rotate() {
    var sec = Number(body.getAttribute("data-rotate"));
    var next = body.getAttribute("data-next");
    if (sec > 0 && next) {
      setTimeout(function () { window.location.replace(next); }, sec * 1000);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".chart[data-option]").forEach(init);
    window.addEventListener("resize", redraw);
    body.setAttribute("data-charts", String(charts.length));
    clock();
    poll();
    rotate();
  });
})();
