// Small behaviours shared by all pages.
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
})();
