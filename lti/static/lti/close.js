// LTI Dynamic Registration: tell the platform the registration is done so it closes this window or frame.
(window.opener || window.parent).postMessage({subject: "org.imsglobal.lti.close"}, "*");
