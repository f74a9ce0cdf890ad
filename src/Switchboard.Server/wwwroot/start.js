// Starts Blazor. Pages still built as server-rendered forms (and the workspace with its own module) expect the
// browser's ordinary page loads and form posts, so Blazor's enhanced navigation and form handling stay off:
// interactive pages still move between each other through the circuit's router.
Blazor.start({ ssr: { disableDomPreservation: true } });
