// Marks the page as having JavaScript (and ES modules) before it is drawn, as GOV.UK Frontend
// expects; a file rather than an inline script, so the Content-Security-Policy allows 'self' only.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
