// Live updates: one Server-Sent Events stream (/events) per tab, shared by every part of
// the page that listens. A part subscribes with Clientele.live.on('deal', handler); the
// handler gets the event's data parsed. 'reconnected' is raised when the stream opens again
// after a break (events may have been missed meanwhile: refresh what is shown), and also on
// the server's 'resync'. A tab closed by the server for being one too many ('evicted') stays
// closed; so does a stream the server refuses.
// A part of a page can also say it in its markup: an element with data-live-refresh="name"
// is sent the htmx event 'live' when the stream brings that event and after a break, and
// fetches itself again (hx-get, hx-trigger="live"): the bell, the sidebar's counters.
(function () {
  'use strict';
  window.Clientele = window.Clientele || {};
  if (window.Clientele.live) {
    return;
  }
  var handlers = {};
  var source = null;
  var openedBefore = false;
  var url = '/events';

  function raise(name, data) {
    (handlers[name] || []).forEach(function (handler) {
      try {
        handler(data);
      } catch (error) {
        console.error(error);
      }
    });
  }

  function listen(name) {
    source.addEventListener(name, function (event) {
      var data = {};
      try {
        data = JSON.parse(event.data);
      } catch (ignored) {
        // an event without JSON data carries nothing more than its name
      }
      raise(name, data);
    });
  }

  function connect() {
    if (source || typeof EventSource === 'undefined') {
      return;
    }
    source = new EventSource(url);
    source.addEventListener('open', function () {
      if (openedBefore) {
        raise('reconnected', {});
      }
      openedBefore = true;
      document.documentElement.setAttribute('data-live', 'open');
    });
    source.addEventListener('error', function () {
      document.documentElement.setAttribute('data-live', source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
    });
    source.addEventListener('evicted', function () {
      source.close();
      document.documentElement.setAttribute('data-live', 'closed');
    });
    source.addEventListener('resync', function () {
      raise('reconnected', {});
    });
    Object.keys(handlers).filter(function (name) {
      return name !== 'reconnected';
    }).forEach(listen);
  }

  window.Clientele.live = {
    // Sets the stream's address (before the first subscription), for an application
    // served under a context path.
    url: function (address) {
      url = address;
    },
    on: function (name, handler) {
      var first = !handlers[name];
      (handlers[name] = handlers[name] || []).push(handler);
      if (source && first && name !== 'reconnected') {
        listen(name);
      }
      connect();
    }
  };

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-live-refresh]').forEach(function (element) {
      function refresh() {
        if (window.htmx) {
          window.htmx.trigger(element, 'live');
        }
      }
      window.Clientele.live.on(element.getAttribute('data-live-refresh'), refresh);
      window.Clientele.live.on('reconnected', refresh);
    });
  });
})();
