/* CFBU – snapshot script (no-op) */ (function(){ document.documentElement.className += ' js'; })();
