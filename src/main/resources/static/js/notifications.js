// The bell in the top bar: asks for its count and list again when a notification arrives
// over the live stream, or when the stream comes back after a break.
(function () {
  'use strict';
  function refresh() {
    document.body.dispatchEvent(new CustomEvent('notification-changed'));
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.Clientele || !window.Clientele.live) {
      return;
    }
    window.Clientele.live.on('notification', refresh);
    window.Clientele.live.on('reconnected', refresh);
  });
}());
