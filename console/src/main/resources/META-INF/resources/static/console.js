// Lắng Nghe console: the little the pages need beyond htmx. No build step.
(function () {
  'use strict';

  // --- unit pickers filled from the page's <template id="unit-options"> (fragments from the live feed too)
  function fillUnits(root) {
    var tpl = document.getElementById('unit-options');
    if (!tpl) return;
    (root || document).querySelectorAll('select[data-units]').forEach(function (select) {
      if (select.options.length === 0) select.innerHTML = tpl.innerHTML;
    });
  }

  // --- keyboard: Ctrl+Enter submits; keys 1-5 pick the nature while not typing; autofocus after a swap
  document.addEventListener('keydown', function (e) {
    var form = e.target.closest && e.target.closest('form[data-ctrl-enter], form.record-form');
    if (form && e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit();
      return;
    }
    var record = document.getElementById('record-form');
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName) && e.target.type !== 'radio';
    if (record && !typing && !e.ctrlKey && !e.altKey && !e.metaKey && /^[1-9]$/.test(e.key)) {
      var radio = record.querySelector('input[name="nature"][data-key="' + e.key + '"]');
      if (radio) { radio.checked = true; radio.focus(); e.preventDefault(); }
    }
  });

  function autofocus(root) {
    var form = root && root.matches && root.matches('[data-autofocus]') ? root : null;
    if (form) {
      var field = form.querySelector(form.getAttribute('data-autofocus'));
      if (field) field.focus();
    }
  }

  // --- live feed: the console relays the forum's events as HTML fragments, each with an id. A fragment replaces
  // the element with its id, or is appended where data-into says (opinions go to the live container). A fragment
  // marked data-mode="once" never replaces: a reconnect or a duplicate changes nothing.
  function applyFragment(container, html) {
    if (!html || !html.trim()) return;
    var tpl = document.createElement('template');
    tpl.innerHTML = html.trim();
    Array.prototype.slice.call(tpl.content.children).forEach(function (el) {
      var existing = el.id ? document.getElementById(el.id) : null;
      if (existing) {
        if (el.getAttribute('data-mode') !== 'once') existing.replaceWith(el); else return;
      } else if (el.id === 'forum-state') {
        container.parentNode.insertBefore(el, container);
      } else if (el.classList.contains('opinion')) {
        container.appendChild(el);
      } else {
        return; // a status for an opinion this page does not show
      }
      fillUnits(el);
      if (window.htmx) window.htmx.process(el);
    });
    updateCounts();
  }

  function updateCounts() {
    document.querySelectorAll('[data-count="opinions"]').forEach(function (c) {
      c.textContent = document.querySelectorAll('.opinion').length;
    });
    document.querySelectorAll('[data-count="answered"]').forEach(function (c) {
      c.textContent = document.querySelectorAll('.opinion .status.answered').length;
    });
  }

  function startLive(section) {
    var container = document.getElementById(section.getAttribute('data-live-into'));
    var state = section.querySelector('[data-live-state]') || document.querySelector('[data-live-state]');
    var source = new EventSource(section.getAttribute('data-live'));
    function show(text, cls) { if (state) { state.textContent = text; state.className = 'live-state ' + cls; } }
    var en = document.documentElement.lang === 'en';
    source.onopen = function () { show(en ? '● live' : '● trực tiếp', 'on'); };
    source.onerror = function () { show(en ? '○ reconnecting…' : '○ đang kết nối lại…', 'off'); };
    source.addEventListener('fragment', function (e) { applyFragment(container, e.data); });
    section.liveSource = source;
  }

  document.addEventListener('DOMContentLoaded', function () {
    fillUnits(document);
    document.querySelectorAll('[data-live]').forEach(startLive);
    document.querySelectorAll('[data-autofocus]').forEach(autofocus);
    document.querySelectorAll('[data-fullscreen]').forEach(function (b) {
      b.addEventListener('click', function () {
        if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen();
      });
    });
    // charts: each canvas carries its Chart.js configuration; the data is also in a table next to it
    if (window.Chart) {
      window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
      document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var config = JSON.parse(canvas.getAttribute('data-chart'));
        config.options = { responsive: true, maintainAspectRatio: false, animation: false,
          plugins: { legend: { display: config.type !== 'bar' } } };
        if (config.type === 'bar') config.options.indexAxis = 'y';
        new window.Chart(canvas, config);
      });
    }
  });

  document.addEventListener('htmx:afterSwap', function (e) {
    fillUnits(e.detail.elt);
    autofocus(e.detail.elt);
    var fresh = e.detail.elt.querySelector && e.detail.elt.querySelector('[data-autofocus]');
    if (fresh) autofocus(fresh);
    updateCounts();
  });
})();
