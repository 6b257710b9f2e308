// The calendar page: FullCalendar (day, week, month and list views) on the things the
// server offers for the people shown; dragging or resizing a thing asks the server to move
// it, and a refusal puts it back with the server's reason.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('calendar');
    if (!element || !window.FullCalendar) {
      return;
    }
    var data = element.dataset;
    var error = document.querySelector('[data-calendar-error]');
    var csrf = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
    var phone = window.matchMedia('(max-width: 575px)').matches;

    function show(message) {
      error.textContent = message;
      error.classList.toggle('d-none', !message);
    }

    function move(info) {
      var event = info.event;
      var end = event.end || new Date(event.start.getTime() + 3600 * 1000);
      var body = new URLSearchParams({
        kind: event.extendedProps.kind,
        id: event.extendedProps.itemId,
        start: event.start.toISOString(),
        end: end.toISOString()
      });
      fetch(data.move, { method: 'POST', headers: csrf, body: body, credentials: 'same-origin' })
        .then(function (response) {
          if (response.ok) {
            show('');
            return;
          }
          return response.json().then(function (problem) {
            info.revert();
            show(problem.message || '');
          });
        })
        .catch(function () {
          info.revert();
        });
    }

    var calendar = new FullCalendar.Calendar(element, {
      locale: data.locale,
      firstDay: 1,
      initialView: phone ? 'listWeek' : 'timeGridWeek',
      headerToolbar: phone
        ? { left: 'prev,next', center: '', right: 'listWeek,timeGridDay,dayGridMonth' }
        : { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,timeGridDay,listWeek' },
      footerToolbar: phone ? { center: 'title' } : false,
      // text arrows: the icon font FullCalendar embeds is a data: URL the page's CSP refuses
      buttonIcons: false,
      buttonText: { prev: '‹', next: '›', today: data.today, month: data.month, week: data.week, day: data.day,
        list: data.list },
      allDayText: data.allDay,
      noEventsText: data.noEvents,
      nowIndicator: true,
      slotMinTime: '07:00:00',
      slotMaxTime: '21:00:00',
      height: 'auto',
      editable: true,
      eventStartEditable: true,
      eventDurationEditable: true,
      events: { url: data.events, failure: function () { show(''); } },
      eventDrop: move,
      eventResize: move
    });
    calendar.render();
  });
}());
