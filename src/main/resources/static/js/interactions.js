// The interaction form: fields of one kind (a call's direction, a meeting's place) show
// only for that kind, and those of a planned one (a meeting's room, who is busy then) only
// while it is planned; a hidden room is not sent. The client picker searches as one types
// (Tom Select) and, once a client is chosen, reloads the form with that client's contact
// persons and deals.
(function () {
  function showKind(form) {
    const kind = form.querySelector('[name="kind"]:checked, select[name="kind"], select[name="nextKind"]');
    if (!kind) {
      return;
    }
    const state = form.querySelector('[name="state"]');
    const planned = !state || state.value === 'PLANNED';
    form.querySelectorAll('[data-for-kinds], [data-when-planned]').forEach((field) => {
      const kinds = field.getAttribute('data-for-kinds');
      const otherKind = kinds !== null && !kinds.split(' ').includes(kind.value);
      field.classList.toggle('d-none', otherKind || (field.hasAttribute('data-when-planned') && !planned));
    });
    form.querySelectorAll('[data-off-when-hidden]').forEach((control) => {
      control.disabled = control.closest('.d-none') !== null;
    });
  }
  function showNext(form) {
    const plan = form.querySelector('[name="planNext"]');
    const next = form.querySelector('[data-next]');
    if (plan && next) {
      next.classList.toggle('d-none', !plan.checked);
    }
  }
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-interaction-form]').forEach((form) => {
      showKind(form);
      showNext(form);
      form.addEventListener('change', (event) => {
        if (event.target.name === 'kind' || event.target.name === 'state') {
          showKind(form);
        }
        if (event.target.name === 'planNext') {
          showNext(form);
        }
      });
    });
    document.querySelectorAll('[data-client-picker]').forEach((select) => {
      if (typeof TomSelect === 'undefined') {
        return;
      }
      new TomSelect(select, {
        valueField: 'id',
        labelField: 'name',
        searchField: ['name', 'detail'],
        maxOptions: 10,
        loadThrottle: 250,
        shouldLoad: (query) => query.length >= 3,
        load: (query, callback) => {
          fetch(select.getAttribute('data-client-picker') + '?q=' + encodeURIComponent(query),
            { headers: { Accept: 'application/json' } })
            .then((response) => response.json())
            .then(callback)
            .catch(() => callback());
        },
        render: {
          option: (item, escape) => '<div><div>' + escape(item.name) + '</div>'
            + (item.detail ? '<div class="small text-secondary">' + escape(item.detail) + '</div>' : '') + '</div>',
          item: (item, escape) => '<div>' + escape(item.name) + '</div>',
          no_results: () => '<div class="no-results">' + select.getAttribute('data-no-results') + '</div>'
        },
        onChange: (value) => {
          if (value) {
            const form = select.closest('form');
            const kind = form.querySelector('[name="kind"]:checked, select[name="kind"]');
            const state = form.querySelector('select[name="state"]');
            window.location = select.getAttribute('data-reload') + '?clientId=' + encodeURIComponent(value)
              + (kind ? '&kind=' + encodeURIComponent(kind.value) : '')
              + (state ? '&state=' + encodeURIComponent(state.value) : '');
          }
        }
      });
    });
  });
})();
