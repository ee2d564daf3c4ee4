// Posts the hidden form back to the platform (LTI deep linking response) as soon as the page loads.
document.getElementById("lti-autopost").submit();
