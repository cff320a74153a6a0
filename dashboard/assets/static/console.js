// The SQL console (/console): an editor (CodeMirror 5, SQL highlighting,
// completion of our tables and columns), run one statement through
// POST /api/v1/query (Ctrl/Cmd+Enter), cancel it, show a paged grid, chart
// it, download CSV/XLSX (the server re-runs it), share a link to it, and
// list the schema, saved queries and the user's history. Everything from
// the server is put into the page as text, never as HTML.
(function () {
  'use strict';
  var root = document.getElementById('console');
  if (!root) return;
  var $ = function (id) { return document.getElementById(id); };
  var sqlEl = $('console-sql'), paramsEl = $('console-params'), runBtn = $('console-run'), cancelBtn = $('console-cancel');
  var status = $('console-status'), grid = $('console-grid'), csvBtn = $('console-csv'), xlsxBtn = $('console-xlsx');
  var msg = function (k) { return root.dataset['msg' + k] || k; };
  var PAGE = 100; // grid rows per page
  var ctrl = null, lastBody = null, result = null, page = 0, errMark = null, cm = null;

  // The editor: CodeMirror when its scripts loaded, else the plain textarea.
  if (window.CodeMirror) {
    cm = window.CodeMirror.fromTextArea(sqlEl, {
      mode: 'text/x-sql', lineNumbers: true, lineWrapping: true, indentUnit: 2, viewportMargin: Infinity,
      extraKeys: { 'Ctrl-Enter': function () { run(); }, 'Cmd-Enter': function () { run(); }, 'Ctrl-Space': 'autocomplete' },
      hintOptions: { tables: {}, completeSingle: false }
    });
    // Offer completions while typing a name (not after spaces or symbols).
    cm.on('inputRead', function (ed, ch) {
      if (ch.origin === '+input' && /^[A-Za-z_.]$/.test(ch.text[0]) && !ed.state.completionActive) {
        ed.showHint({ completeSingle: false });
      }
    });
    cm.on('change', clearMark);
  }
  function getSQL() { return cm ? cm.getValue() : sqlEl.value; }
  function setSQL(v) { if (cm) { cm.setValue(v); } else { sqlEl.value = v; } clearMark(); }
  function setParams(text) {
    try { var p = JSON.parse(text || '{}'); paramsEl.value = p && Object.keys(p).length ? JSON.stringify(p) : ''; } catch (e) { paramsEl.value = ''; }
  }

  function body() {
    var t = paramsEl.value.trim(), params = {};
    if (t) {
      params = JSON.parse(t);
      if (params === null || typeof params !== 'object' || Array.isArray(params)) throw new Error('params');
    }
    return JSON.stringify({ sql: getSQL(), params: params });
  }

  function post(b, format) {
    ctrl = new AbortController();
    return fetch('/api/v1/query' + (format ? '?format=' + format : ''), {
      method: 'POST', credentials: 'same-origin', signal: ctrl.signal,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': root.dataset.csrf }, body: b
    });
  }

  function busy(on) {
    runBtn.disabled = on; cancelBtn.disabled = !on;
    if (!on) ctrl = null;
  }

  function run() {
    if (ctrl) return;
    var b;
    try { b = body(); } catch (e) { status.textContent = msg('Badparams'); return; }
    busy(true);
    clearMark();
    status.className = 'note';
    status.textContent = msg('Running');
    post(b).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { showError(j); return; }
        lastBody = b;
        showResult(j);
        shareURL(); // the address bar now reopens this query
      });
    }).catch(function (e) {
      status.className = 'note';
      status.textContent = e.name === 'AbortError' ? msg('Cancelled') : String(e);
    }).then(function () { busy(false); loadHistory(); });
  }

  // charIndex turns the server's 1-based byte position into a string index.
  function charIndex(text, pos) {
    var enc = new TextEncoder(), bytes = 0, i = 0;
    while (i < text.length && bytes < pos - 1) {
      var cp = text.codePointAt(i), n = cp > 0xffff ? 2 : 1;
      bytes += enc.encode(String.fromCodePoint(cp)).length;
      i += n;
    }
    return i;
  }

  function clearMark() {
    if (errMark) { errMark.clear(); errMark = null; }
  }

  // markAt marks the token at a character index (a syntax error's place) or
  // the first occurrence of a name (an unknown column) in the editor.
  function markAt(from) {
    var text = getSQL(), to = from;
    while (to < text.length && /[^\s,()]/.test(text[to])) to++;
    if (to === from) to = Math.min(from + 1, text.length);
    if (from >= text.length) from = Math.max(0, text.length - 1);
    if (cm) {
      clearMark();
      var a = cm.posFromIndex(from), z = cm.posFromIndex(Math.max(to, from + 1));
      errMark = cm.markText(a, z, { className: 'console-errmark' });
      cm.focus();
      cm.setCursor(a);
    } else {
      sqlEl.focus();
      sqlEl.setSelectionRange(from, to);
    }
  }

  function showError(j) {
    var p = j.problem || {};
    status.textContent = (j.error || '') + (p.detail ? ' — ' + p.detail : '') + (j.query_id ? ' [' + j.query_id + ']' : '');
    status.className = 'error';
    var meant = $('console-meant');
    meant.textContent = '';
    meant.hidden = true;
    if (p.position > 0) {
      markAt(charIndex(getSQL(), p.position));
    } else if (p.name) {
      var at = getSQL().indexOf(p.name);
      if (at >= 0) markAt(at);
    }
    // One button per suggestion: it puts the meant name in place of the unknown one.
    if (p.name && p.suggestions && p.suggestions.length) {
      p.suggestions.forEach(function (s) {
        var b = document.createElement('button');
        b.type = 'button'; b.className = 'link'; b.textContent = msg('Meant') + ' ' + s;
        b.addEventListener('click', function () {
          setSQL(getSQL().split(p.name).join(s));
          meant.hidden = true;
        });
        meant.appendChild(b);
        meant.appendChild(document.createTextNode(' '));
      });
      meant.hidden = false;
    }
  }

  function showResult(j) {
    status.className = 'note';
    $('console-meant').hidden = true;
    grid.textContent = '';
    result = j;
    page = 0;
    csvBtn.disabled = xlsxBtn.disabled = false;
    if (!j.columns || j.columns.length === 0) {
      status.textContent = msg('Empty');
      $('console-pager').hidden = true;
      $('console-chart-card').hidden = true;
      return;
    }
    drawPage();
    chartForm(j);
    status.textContent = j.row_count + ' ' + msg('Rows') + ' · ' + j.elapsed_ms + ' ms · ' + j.query_id + (j.truncated ? ' · ' + msg('Truncated') : '');
  }

  function cellText(v) {
    return v === null ? 'NULL' : (typeof v === 'object' ? JSON.stringify(v) : String(v));
  }

  // drawPage shows one page of the result; the pager appears past PAGE rows.
  function drawPage() {
    var j = result;
    grid.textContent = '';
    var head = grid.createTHead().insertRow();
    j.columns.forEach(function (c) {
      var th = document.createElement('th');
      th.textContent = c.name;
      th.title = c.type;
      head.appendChild(th);
    });
    var tb = grid.createTBody(), from = page * PAGE, to = Math.min(from + PAGE, j.rows.length);
    j.rows.slice(from, to).forEach(function (r) {
      var tr = tb.insertRow();
      r.forEach(function (v, i) {
        var td = tr.insertCell();
        td.textContent = cellText(v);
        if (numeric(j.columns[i].type)) td.className = 'num';
      });
    });
    var pager = $('console-pager');
    pager.hidden = j.rows.length <= PAGE;
    $('console-page').textContent = msg('Page').replace('{from}', String(from + 1)).replace('{to}', String(to)).replace('{n}', String(j.rows.length));
    $('console-prev').disabled = page === 0;
    $('console-next').disabled = to >= j.rows.length;
  }

  function numeric(type) {
    return /^(Nullable\()?(U?Int\d+|Float\d+|Decimal)/.test(type || '');
  }

  // chartForm offers the result's columns: any as the category, the
  // numeric ones as values.
  function chartForm(j) {
    var card = $('console-chart-card'), xs = $('console-chart-x'), ys = $('console-chart-y');
    xs.textContent = ''; ys.textContent = '';
    var firstText = -1, nums = [];
    j.columns.forEach(function (c, i) {
      xs.add(new Option(c.name, String(i)));
      if (numeric(c.type)) { nums.push(i); } else if (firstText < 0) { firstText = i; }
    });
    var x = firstText >= 0 ? firstText : 0;
    xs.value = String(x);
    nums.forEach(function (i) {
      var o = new Option(j.columns[i].name, String(i));
      ys.add(o);
    });
    var ySel = nums.filter(function (i) { return i !== x; });
    if (ySel.length) ys.options[nums.indexOf(ySel[0])].selected = true;
    card.hidden = false;
    $('console-chart').hidden = true;
    $('console-chart-svg').hidden = true;
  }

  // drawChart asks the server to chart the last result's chosen columns
  // (POST /api/v1/query/chart re-runs it and builds the chart with
  // go-echarts, like every other chart) and draws it through app.js
  // (corridorChart), so it gets the same tooltips, PNG and SVG export.
  function drawChart() {
    var j = result;
    if (!j || !lastBody || ctrl || !window.corridorChart) return;
    var type = $('console-chart-type').value, x = j.columns[Number($('console-chart-x').value)].name;
    var ys = Array.prototype.filter.call($('console-chart-y').options, function (o) { return o.selected; }).map(function (o) { return j.columns[Number(o.value)].name; });
    if (!ys.length) {
      status.className = 'error';
      status.textContent = msg('Nonum');
      return;
    }
    var b = JSON.parse(lastBody);
    b.chart = { type: type, x: x, y: ys };
    busy(true);
    ctrl = new AbortController();
    fetch('/api/v1/query/chart', {
      method: 'POST', credentials: 'same-origin', signal: ctrl.signal,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': root.dataset.csrf }, body: JSON.stringify(b)
    }).then(function (r) {
      return r.json().then(function (c) {
        if (!r.ok) { showError(c); return; }
        var el = $('console-chart');
        if (c.empty) { el.hidden = true; status.textContent = c.empty_text; return; }
        el.hidden = false;
        el.setAttribute('data-title', c.title);
        el.setAttribute('data-option', JSON.stringify(c.option));
        window.corridorChart(el);
        $('console-chart-svg').hidden = false;
        if (c.truncated) { status.className = 'note'; status.textContent = msg('Truncated'); }
      });
    }).catch(function (e) {
      status.className = 'note';
      status.textContent = e.name === 'AbortError' ? msg('Cancelled') : String(e);
    }).then(function () { busy(false); });
  }

  function download(format) {
    if (!lastBody || ctrl) return;
    busy(true);
    post(lastBody, format).then(function (r) {
      if (!r.ok) return r.json().then(showError);
      return r.blob().then(function (blob) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'query.' + format;
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      });
    }).catch(function (e) { status.textContent = String(e); }).then(function () { busy(false); });
  }

  // shareURL puts the editor's query (and parameters) into the address bar
  // as /console?q=…&params=… and returns the whole link.
  function shareURL() {
    var u = new URL('/console', window.location.href);
    u.searchParams.set('q', getSQL());
    if (paramsEl.value.trim()) u.searchParams.set('params', paramsEl.value.trim());
    window.history.replaceState(null, '', u.pathname + u.search);
    return u.href;
  }

  function share() {
    var link = $('console-link'), href = shareURL();
    link.value = href;
    link.hidden = false;
    link.focus();
    link.select();
    var done = function () { status.className = 'note'; status.textContent = msg('Shared'); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(href).then(done, function () {});
    } else {
      try { if (document.execCommand('copy')) done(); } catch (e) { /* the link stays selected to copy by hand */ }
    }
  }

  function insert(text) {
    if (cm) {
      cm.replaceSelection(text);
      cm.focus();
      return;
    }
    var s = sqlEl.selectionStart, e = sqlEl.selectionEnd;
    sqlEl.value = sqlEl.value.slice(0, s) + text + sqlEl.value.slice(e);
    sqlEl.focus();
    sqlEl.setSelectionRange(s + text.length, s + text.length);
  }

  function loadSchema() {
    fetch('/api/v1/schema', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (j) {
      if (!j) return;
      var box = $('console-schema'), tables = {};
      j.tables.forEach(function (t) {
        tables[t.name] = t.columns.map(function (c) { return c.name; });
        var d = document.createElement('details'), s = document.createElement('summary');
        s.textContent = t.name + (t.desc ? ' — ' + t.desc : '');
        s.addEventListener('dblclick', function () { insert(t.name); });
        d.appendChild(s);
        var ul = document.createElement('ul');
        t.columns.forEach(function (c) {
          var li = document.createElement('li'), b = document.createElement('button');
          b.type = 'button'; b.className = 'link'; b.textContent = c.name;
          b.addEventListener('click', function () { insert(c.name); });
          li.appendChild(b);
          li.appendChild(document.createTextNode(' ' + c.type + (c.desc ? ' · ' + c.desc : '')));
          ul.appendChild(li);
        });
        d.appendChild(ul);
        box.appendChild(d);
      });
      if (cm) cm.setOption('hintOptions', { tables: tables, completeSingle: false });
    });
  }

  function loadHistory() {
    fetch('/api/v1/query/history', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (j) {
      if (!j) return;
      var ol = $('console-history');
      ol.textContent = '';
      j.history.forEach(function (h) {
        var li = document.createElement('li'), b = document.createElement('button');
        b.type = 'button'; b.className = 'link'; b.textContent = h.sql.length > 120 ? h.sql.slice(0, 120) + '…' : h.sql;
        b.title = h.started_at + (h.error ? ' · ' + h.error : '');
        if (h.error) li.className = 'failed';
        b.addEventListener('click', function () { setSQL(h.sql); setParams(h.params); });
        li.appendChild(b);
        ol.appendChild(li);
      });
    });
  }

  // openSaved loads a saved query and makes the address bar ?saved=ID.
  function openSaved(q) {
    setSQL(q.sql);
    setParams(q.params);
    window.history.replaceState(null, '', '/console?saved=' + encodeURIComponent(q.id));
  }

  function loadSaved(openID) {
    fetch('/api/v1/saved', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (j) {
      if (!j) return;
      var ul = $('console-saved');
      ul.textContent = '';
      j.saved.forEach(function (q) {
        var li = document.createElement('li'), b = document.createElement('button');
        b.type = 'button'; b.className = 'link';
        b.textContent = q.name + (q.shared ? ' · ' + q.owner : '');
        b.addEventListener('click', function () { openSaved(q); });
        li.appendChild(b);
        ul.appendChild(li);
        if (openID && q.id === openID) openSaved(q);
      });
    });
  }

  function save() {
    var name = $('console-save-name').value.trim(), params = {};
    if (!name || !getSQL().trim()) return;
    try { var t = paramsEl.value.trim(); if (t) params = JSON.parse(t); } catch (e) { status.textContent = msg('Badparams'); return; }
    fetch('/api/v1/saved', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': root.dataset.csrf },
      body: JSON.stringify({ name: name, sql: getSQL(), params: params, shared: $('console-save-shared').checked })
    }).then(function (r) { if (r.ok) { $('console-save-name').value = ''; loadSaved(); } });
  }

  $('console-save').addEventListener('click', save);
  runBtn.addEventListener('click', run);
  cancelBtn.addEventListener('click', function () { if (ctrl) ctrl.abort(); });
  csvBtn.addEventListener('click', function () { download('csv'); });
  xlsxBtn.addEventListener('click', function () { download('xlsx'); });
  $('console-share').addEventListener('click', share);
  $('console-chart-draw').addEventListener('click', drawChart);
  $('console-prev').addEventListener('click', function () { if (page > 0) { page--; drawPage(); } });
  $('console-next').addEventListener('click', function () { if ((page + 1) * PAGE < result.rows.length) { page++; drawPage(); } });
  [sqlEl, paramsEl].forEach(function (el) {
    el.addEventListener('keydown', function (e) {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); run(); }
    });
  });

  // A shared link: ?q=SQL[&params=JSON] or ?saved=ID opens the editor with
  // that query (it does not run until asked).
  var qs = new URLSearchParams(window.location.search);
  if (qs.get('q')) { setSQL(qs.get('q')); setParams(qs.get('params')); }
  loadSchema();
  loadHistory();
  loadSaved(qs.get('saved'));
})();
