// Verify page: dropping a file anywhere on the drop zone fills the file input (progressive enhancement).
(function () {
  "use strict";
  var zone = document.getElementById("drop-zone");
  var input = zone && zone.querySelector("input[type=file]");
  if (!zone || !input) { return; }
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      zone.querySelector(".hint").textContent = event.dataTransfer.files[0].name;
    }
  });
})();
