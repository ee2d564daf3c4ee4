/* Studio author view of MicroCredentialXBlock: saves the chosen micro-credential through the JSON handler. */
function MicroCredentialAuthorView(runtime, element) {
  "use strict";
  var root = element && element.jquery ? element[0] : element;
  var form = root.querySelector(".mcb-pick");
  if (!form) {
    return;
  }
  var status = form.querySelector(".mcb-pick-status");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var payload = JSON.stringify({microcredential_id: form.querySelector("select").value});
    // Studio's jQuery adds the CSRF header to same-origin POSTs.
    window.jQuery.ajax({
      type: "POST",
      url: runtime.handlerUrl(root, "select_microcredential"),
      data: payload,
      contentType: "application/json"
    }).done(function (result) {
      status.textContent = result.ok ? "Saved. " + result.messages.join(" ") : result.messages.join(" ");
      if (result.ok && typeof runtime.notify === "function") {
        runtime.notify("save", {state: "end"});
      }
    }).fail(function () {
      status.textContent = "Could not save the choice; try again.";
    });
  });
}
