// The deal card live: when the stream says this deal changed (another user moved, won, lost
// or edited it), the parts showing its stage, state, checklist, figures and history are
// fetched again (one request, the card page itself), with their versions, so that the next
// action is not refused as based on an old one. A deal gone from this user's sight (given
// to another department, moved to the recycle bin) reloads the page, which says so.
(function () {
  'use strict';
  var live = document.querySelector('[data-deal-live]');
  if (!live || !window.Clientele || !Clientele.live) {
    return;
  }
  var id = live.getAttribute('data-deal');
  var timer = null;

  function refresh() {
    timer = null;
    htmx.trigger(live, 'deal-changed');
  }

  function soon() {
    if (!timer) {
      timer = setTimeout(refresh, 100);
    }
  }

  Clientele.live.url(live.getAttribute('data-events-url'));
  Clientele.live.on('deal', function (deal) {
    if (String(deal.deal) !== id) {
      return;
    }
    if (deal.gone || deal.state === 'DELETED') {
      window.location.reload();
      return;
    }
    soon();
  });
  Clientele.live.on('reconnected', soon);
})();
