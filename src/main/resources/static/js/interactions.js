// The interaction form: fields of one kind (a call's direction, a meeting's place) show
// only for that kind; the client picker searches as one types (Tom Select) and, once a
// client is chosen, reloads the form with that client's contact persons and deals.
(function () {
  function showKind(form) {
    const kind = form.querySelector('[name="kind"]:checked, select[name="kind"], select[name="nextKind"]');
    if (!kind) {
      return;
    }
    form.querySelectorAll('[data-for-kinds]').forEach((field) => {
      const kinds = field.getAttribute('data-for-kinds').split(' ');
      field.classList.toggle('d-none', !kinds.includes(kind.value));
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
        if (event.target.name === 'kind') {
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
            window.location = select.getAttribute('data-reload') + '?clientId=' + encodeURIComponent(value)
              + (kind ? '&kind=' + encodeURIComponent(kind.value) : '');
          }
        }
      });
    });
  });
})();
