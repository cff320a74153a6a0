// The SQL console (/console): run one statement through POST /api/v1/query,
// cancel it, show the grid, download CSV/XLSX (the server re-runs it), and
// list the schema and the user's history. Everything from the server is put
// into the page as text, never as HTML.
(function () {
  'use strict';
  var root = document.getElementById('console');
  if (!root) return;
  var $ = function (id) { return document.getElementById(id); };
  var sqlEl = $('console-sql'), paramsEl = $('console-params'), runBtn = $('console-run'), cancelBtn = $('console-cancel');
  var status = $('console-status'), grid = $('console-grid'), csvBtn = $('console-csv'), xlsxBtn = $('console-xlsx');
  var msg = function (k) { return root.dataset['msg' + k] || k; };
  var ctrl = null, lastBody = null;

  function body() {
    var t = paramsEl.value.trim(), params = {};
    if (t) {
      params = JSON.parse(t);
      if (params === null || typeof params !== 'object' || Array.isArray(params)) throw new Error('params');
    }
    return JSON.stringify({ sql: sqlEl.value, params: params });
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
    status.textContent = msg('Running');
    post(b).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { showError(j); return; }
        lastBody = b;
        showResult(j);
      });
    }).catch(function (e) {
      status.textContent = e.name === 'AbortError' ? msg('Cancelled') : String(e);
    }).then(function () { busy(false); loadHistory(); });
  }

  function showError(j) {
    var p = j.problem || {};
    status.textContent = (j.error || '') + (p.detail ? ' — ' + p.detail : '') + (j.query_id ? ' [' + j.query_id + ']' : '');
    status.className = 'error';
    if (p.position > 0) { // mark the syntax error's place
      sqlEl.focus();
      sqlEl.setSelectionRange(p.position - 1, Math.min(p.position + 9, sqlEl.value.length));
    }
  }

  function showResult(j) {
    status.className = 'note';
    grid.textContent = '';
    csvBtn.disabled = xlsxBtn.disabled = false;
    if (!j.columns || j.columns.length === 0) { status.textContent = msg('Empty'); return; }
    var head = grid.createTHead().insertRow();
    j.columns.forEach(function (c) {
      var th = document.createElement('th');
      th.textContent = c.name;
      th.title = c.type;
      head.appendChild(th);
    });
    var tb = grid.createTBody();
    j.rows.forEach(function (r) {
      var tr = tb.insertRow();
      r.forEach(function (v) {
        var td = tr.insertCell();
        td.textContent = v === null ? 'NULL' : (typeof v === 'object' ? JSON.stringify(v) : String(v));
        if (typeof v === 'number') td.className = 'num';
      });
    });
    status.textContent = j.row_count + ' ' + msg('Rows') + ' · ' + j.elapsed_ms + ' ms · ' + j.query_id + (j.truncated ? ' · ' + msg('Truncated') : '');
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

  function insert(text) {
    var s = sqlEl.selectionStart, e = sqlEl.selectionEnd;
    sqlEl.value = sqlEl.value.slice(0, s) + text + sqlEl.value.slice(e);
    sqlEl.focus();
    sqlEl.setSelectionRange(s + text.length, s + text.length);
  }

  function loadSchema() {
    fetch('/api/v1/schema', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (j) {
      if (!j) return;
      var box = $('console-schema');
      j.tables.forEach(function (t) {
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
        b.addEventListener('click', function () {
          sqlEl.value = h.sql;
          try { var p = JSON.parse(h.params || '{}'); paramsEl.value = p && Object.keys(p).length ? JSON.stringify(p) : ''; } catch (e) { paramsEl.value = ''; }
        });
        li.appendChild(b);
        ol.appendChild(li);
      });
    });
  }

  function loadSaved() {
    fetch('/api/v1/saved', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (j) {
      if (!j) return;
      var ul = $('console-saved');
      ul.textContent = '';
      j.saved.forEach(function (q) {
        var li = document.createElement('li'), b = document.createElement('button');
        b.type = 'button'; b.className = 'link';
        b.textContent = q.name + (q.shared ? ' · ' + q.owner : '');
        b.addEventListener('click', function () {
          sqlEl.value = q.sql;
          try { var p = JSON.parse(q.params || '{}'); paramsEl.value = p && Object.keys(p).length ? JSON.stringify(p) : ''; } catch (e) { paramsEl.value = ''; }
        });
        li.appendChild(b);
        ul.appendChild(li);
      });
    });
  }

  function save() {
    var name = $('console-save-name').value.trim(), params = {};
    if (!name || !sqlEl.value.trim()) return;
    try { var t = paramsEl.value.trim(); if (t) params = JSON.parse(t); } catch (e) { status.textContent = msg('Badparams'); return; }
    fetch('/api/v1/saved', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': root.dataset.csrf },
      body: JSON.stringify({ name: name, sql: sqlEl.value, params: params, shared: $('console-save-shared').checked })
    }).then(function (r) { if (r.ok) { $('console-save-name').value = ''; loadSaved(); } });
  }

  $('console-save').addEventListener('click', save);
  runBtn.addEventListener('click', run);
  cancelBtn.addEventListener('click', function () { if (ctrl) ctrl.abort(); });
  csvBtn.addEventListener('click', function () { download('csv'); });
  xlsxBtn.addEventListener('click', function () { download('xlsx'); });
  [sqlEl, paramsEl].forEach(function (el) {
    el.addEventListener('keydown', function (e) {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); run(); }
    });
  });
  loadSchema();
  loadHistory();
  loadSaved();
})();
