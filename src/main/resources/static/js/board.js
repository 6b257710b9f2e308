// The deal board: cards dragged between columns (SortableJS) or sent with their "move to"
// list go through POST /deals/board/move; a refused move puts the card back where it was
// and shows why. Columns are re-fetched (GET /deals/board/column, the same filters) after a
// move, and when the live stream says a deal this user may see changed: the column the card
// stands in here and the column of the stage it is in now. A deal taken out of this user's
// sight (given to another department) comes as "gone": its card goes and its column is
// counted again.
(function () {
  'use strict';
  var board = document.querySelector('[data-board]');
  if (!board) {
    return;
  }
  var scenario = board.getAttribute('data-scenario');
  var message = document.querySelector('[data-board-message]');
  var status = document.querySelector('[data-board-status]');
  var dragging = false;
  var waiting = {};
  var timer = null;

  function csrfHeaders() {
    try {
      return JSON.parse(document.body.getAttribute('hx-headers') || '{}');
    } catch (ignored) {
      return {};
    }
  }

  function show(text) {
    message.querySelector('[data-board-message-text]').textContent = text;
    message.hidden = false;
  }

  function hide() {
    message.hidden = true;
  }

  message.querySelector('[data-board-message-close]').addEventListener('click', hide);

  function column(stage) {
    return document.getElementById('board-col-' + stage);
  }

  // Re-fetches the columns of these stages soon, together with any asked for meanwhile,
  // and not while a card is being dragged.
  function refresh(stages) {
    stages.forEach(function (stage) {
      if (stage && column(stage)) {
        waiting[stage] = true;
      }
    });
    if (!dragging && !timer) {
      timer = setTimeout(flush, 100);
    }
  }

  function flush() {
    timer = null;
    if (dragging) {
      return;
    }
    Object.keys(waiting).forEach(function (stage) {
      var target = column(stage);
      if (target) {
        var limit = target.getAttribute('data-limit');
        htmx.ajax('GET', board.getAttribute('data-column-url') + '&stage=' + stage + '&limit=' + limit,
          { target: '#board-col-' + stage, swap: 'outerHTML' });
      }
    });
    waiting = {};
  }

  function refreshAll() {
    refresh(Array.prototype.map.call(board.querySelectorAll('[data-cards]'), function (cards) {
      return cards.getAttribute('data-stage');
    }));
  }

  // Sends the move; resolves to true when it was made, else shows the refusal.
  function move(card, stage) {
    var body = new URLSearchParams();
    body.set('id', card.getAttribute('data-deal'));
    body.set('version', card.getAttribute('data-version'));
    body.set('stageId', stage);
    var headers = csrfHeaders();
    headers['Accept'] = 'application/json';
    return fetch(board.getAttribute('data-move-url'), {
      method: 'POST', headers: headers, body: body, credentials: 'same-origin'
    }).then(function (response) {
      return response.json().catch(function () {
        return { moved: false };
      });
    }).then(function (answer) {
      if (answer.moved) {
        hide();
        status.textContent = board.getAttribute('data-moved-text');
        return true;
      }
      show(answer.message || board.getAttribute('data-failed-text'));
      return false;
    }, function () {
      show(board.getAttribute('data-failed-text'));
      return false;
    });
  }

  function setUp(root) {
    root.querySelectorAll('[data-cards]').forEach(function (cards) {
      if (cards.sortable) {
        return;
      }
      cards.sortable = Sortable.create(cards, {
        group: 'board-' + scenario,
        sort: false,
        animation: 150,
        draggable: '.board-card',
        filter: 'select, a, input, button',
        preventOnFilter: false,
        delay: 200,
        delayOnTouchOnly: true,
        onStart: function () {
          dragging = true;
        },
        onEnd: function (event) {
          dragging = false;
          var from = event.from.getAttribute('data-stage');
          var to = event.to.getAttribute('data-stage');
          if (from === to) {
            refresh([]);
            return;
          }
          var card = event.item;
          move(card, to).then(function (moved) {
            if (!moved) {
              event.from.insertBefore(card, event.from.children[event.oldIndex] || null);
            }
            refresh(moved ? [from, to] : [from]);
          });
        }
      });
    });
    var options = document.getElementById('board-stage-options');
    root.querySelectorAll('[data-move-select]').forEach(function (select) {
      if (select.options.length > 1) {
        return;
      }
      select.appendChild(options.content.cloneNode(true));
      var current = select.querySelector('option[value="' + select.getAttribute('data-current') + '"]');
      if (current) {
        current.disabled = true;
      }
    });
  }

  // "Move to…" on a card: the same move as a drag.
  board.addEventListener('change', function (event) {
    var select = event.target.closest('[data-move-select]');
    if (!select || !select.value) {
      return;
    }
    var card = select.closest('[data-deal]');
    var from = select.getAttribute('data-current');
    var to = select.value;
    select.disabled = true;
    move(card, to).then(function (moved) {
      select.disabled = false;
      select.value = '';
      refresh(moved ? [from, to] : [from]);
    });
  });

  document.querySelectorAll('[data-autosubmit]').forEach(function (field) {
    field.addEventListener('change', function () {
      field.form.requestSubmit();
    });
  });

  htmx.onLoad(setUp);

  Clientele.live.url(board.getAttribute('data-events-url'));
  Clientele.live.on('deal', function (deal) {
    var stages = [];
    var card = board.querySelector('[data-deal="' + deal.deal + '"]');
    if (card) {
      stages.push(card.closest('[data-cards]').getAttribute('data-stage'));
      if (deal.gone && !dragging) {
        card.remove(); // no longer this user's to see: its column is counted again without it
      }
    }
    if (String(deal.scenario) === scenario) {
      stages.push(String(deal.stage));
    }
    refresh(stages);
  });
  Clientele.live.on('reconnected', refreshAll);
})();
