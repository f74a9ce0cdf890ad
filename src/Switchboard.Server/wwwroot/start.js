// Starts Blazor. Pages still built as server-rendered forms (and the workspace with its own module) expect the
// browser's ordinary page loads and form posts, so Blazor's enhanced navigation and form handling stay off:
// interactive pages still move between each other through the circuit's router.
Blazor.start({ ssr: { disableDomPreservation: true } });

// A server that restarted no longer knows the page's circuit and rejects it: the page loads again at once, so that
// the agent's desk comes back by itself (and says what became of a call it showed) instead of asking for a reload.
document.getElementById("components-reconnect-modal")?.addEventListener("components-reconnect-state-changed", event => {
    if (event.detail.state === "rejected")
        location.reload();
});
