// Tells the server the browser's time zone (an IANA name such as Europe/Paris), so that pages rendered on the
// server show times in it (Ui/ViewerTimeZone reads the cookie). Set on every page, the login first.
(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) document.cookie = `switchboard.timezone=${encodeURIComponent(zone)}; path=/; max-age=34560000; samesite=lax`;
})();
