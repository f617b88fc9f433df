/*
 * The film form in groups that follow the public page (identity, pictures, texts,
 * people, page items, connections, tags): one group shown at a time, chosen
 * from a row of tabs above the form. Each fieldset and inline group names its
 * group with a "tab-…" class. Without JavaScript every group stays visible.
 */
(function () {
  "use strict";

  var LABELS = {
    identity: "Identity & production",
    pictures: "Poster & stills",
    texts: "Texts",
    people: "Cast & crew",
    items: "Quotes, scenes, trivia, awards",
    connections: "Connections",
    tags: "Themes & topics"
  };

  function groupOf(element) {
    var match = /(?:^|\s)tab-([a-z]+)/.exec(element.className);
    return match ? match[1] : null;
  }

  function start() {
    var form = document.querySelector("#content-main form");
    if (!form) { return; }
    var panes = [];
    form.querySelectorAll("fieldset.module").forEach(function (fieldset) {
      var group = groupOf(fieldset);
      if (!group) { return; }
      // An inline's fieldset sits inside its group: hide the whole group.
      var pane = fieldset.closest(".inline-group") || fieldset;
      panes.push({ group: group, element: pane });
    });
    if (!panes.length) { return; }

    var groups = [];
    panes.forEach(function (pane) {
      if (groups.indexOf(pane.group) === -1) { groups.push(pane.group); }
    });
    // In the public page's order, whatever order the form's parts come in.
    var order = Object.keys(LABELS);
    groups.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
    var storageKey = "editorial-tab:" + window.location.pathname;
    var tablist = document.createElement("div");
    tablist.className = "editorial-tabs";
    tablist.setAttribute("role", "tablist");
    tablist.setAttribute("aria-label", "Parts of the form");
    var buttons = {};

    function hasErrors(group) {
      return panes.some(function (pane) {
        return pane.group === group && pane.element.querySelector(".errorlist, .errors");
      });
    }

    function show(group) {
      panes.forEach(function (pane) { pane.element.hidden = pane.group !== group; });
      groups.forEach(function (name) {
        buttons[name].setAttribute("aria-selected", name === group ? "true" : "false");
        buttons[name].tabIndex = name === group ? 0 : -1;
      });
      try { window.sessionStorage.setItem(storageKey, group); } catch (error) { /* private mode */ }
    }

    groups.forEach(function (group, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("role", "tab");
      button.id = "editorial-tab-" + group;
      button.textContent = (LABELS[group] || group) + (hasErrors(group) ? " (needs attention)" : "");
      if (hasErrors(group)) { button.classList.add("editorial-tabs__tab--errors"); }
      button.addEventListener("click", function () { show(group); });
      button.addEventListener("keydown", function (event) {
        var step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
        if (!step) { return; }
        var next = groups[(index + step + groups.length) % groups.length];
        show(next);
        buttons[next].focus();
      });
      buttons[group] = button;
      tablist.appendChild(button);
    });

    var firstPane = panes[0].element;
    firstPane.parentNode.insertBefore(tablist, firstPane);
    var remembered = null;
    try { remembered = window.sessionStorage.getItem(storageKey); } catch (error) { /* private mode */ }
    var withErrors = groups.filter(hasErrors)[0];
    show(withErrors || (groups.indexOf(remembered) !== -1 ? remembered : groups[0]));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
