// Small behaviours shared by all pages; every page works without them, only less comfortably.
(function () {
  'use strict';

  // A form with data-confirm asks before it is sent (deleting, deactivating, revoking).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // The column chooser sends the chosen columns as one list, name first.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute('data-columns-form')) {
      return;
    }
    var keys = ['name'];
    form.querySelectorAll('[data-column]:checked').forEach(function (box) {
      if (keys.indexOf(box.value) < 0) {
        keys.push(box.value);
      }
    });
    form.querySelector('[data-columns-value]').value = keys.join(',');
  }, true);

  // "Select all" in a list selects every row of its form.
  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('[data-select-all]')) {
      event.target.closest('form').querySelectorAll('input[name=ids]').forEach(function (box) {
        box.checked = event.target.checked;
      });
    }
  });

  // Repeating groups of a form (phones, addresses…): add a row from its template, remove a
  // row, and number the rows again before sending so that indexes have no gaps.
  document.addEventListener('click', function (event) {
    var add = event.target.closest && event.target.closest('[data-add-row]');
    if (add) {
      var group = add.getAttribute('data-add-row');
      var rows = document.querySelector('[data-rows="' + group + '"]');
      var template = document.querySelector('template[data-row-template="' + group + '"]');
      var index = rows.querySelectorAll('[data-row]').length;
      rows.insertAdjacentHTML('beforeend', template.innerHTML.replace(/__i__/g, String(index)));
      var first = rows.lastElementChild.querySelector('input, select, textarea');
      if (first) {
        first.focus();
      }
      return;
    }
    var remove = event.target.closest && event.target.closest('[data-remove-row]');
    if (remove) {
      remove.closest('[data-row]').remove();
    }
  });
  document.addEventListener('submit', function (event) {
    event.target.querySelectorAll && event.target.querySelectorAll('[data-rows]').forEach(function (rows) {
      var group = rows.getAttribute('data-rows');
      rows.querySelectorAll('[data-row]').forEach(function (row, index) {
        row.querySelectorAll('[name^="' + group + '["]').forEach(function (field) {
          field.name = field.name.replace(/^(\w+)\[\d+\]/, '$1[' + index + ']');
        });
      });
    });
  }, true);
})();

// The conversion form: "use this one" beside a duplicate client makes the lead join that
// client instead of creating a new one; "create a new one instead" undoes the choice.
document.addEventListener('click', (event) => {
  const pick = event.target.closest('[data-pick-client]');
  const clear = event.target.closest('[data-existing-clear]');
  if (!pick && !clear) {
    return;
  }
  const form = event.target.closest('form');
  const field = form && form.querySelector('[data-existing-client]');
  const chosen = form && form.querySelector('[data-existing-chosen]');
  if (!field || !chosen) {
    return;
  }
  field.value = pick ? pick.dataset.id : '';
  chosen.querySelector('[data-existing-name]').textContent = pick ? pick.dataset.name : '';
  chosen.classList.toggle('d-none', !pick);
});

// The top-bar search: the suggestions open under the field when they arrive, and close on
// Escape or a click elsewhere.
document.addEventListener('htmx:afterSwap', (event) => {
  if (event.target.matches && event.target.matches('[data-search-suggestions]')) {
    event.target.classList.toggle('show', event.target.textContent.trim() !== '');
  }
});
document.addEventListener('click', (event) => {
  document.querySelectorAll('[data-search-suggestions].show').forEach((menu) => {
    if (!menu.parentElement.contains(event.target)) {
      menu.classList.remove('show');
    }
  });
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    document.querySelectorAll('[data-search-suggestions].show').forEach((menu) => menu.classList.remove('show'));
  }
});

// "Accept" beside an estimate puts its value into the field it names.
document.addEventListener('click', (event) => {
  const fill = event.target.closest && event.target.closest('[data-fill]');
  if (!fill) {
    return;
  }
  const field = document.querySelector(fill.getAttribute('data-fill'));
  if (field) {
    field.value = fill.getAttribute('data-value');
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }
});
