// Small conveniences for the server-rendered forms; every page also works without them.
(() => {
    // A select marked data-autosubmit re-renders its form at once (e.g. a condition's type shows its own fields).
    document.addEventListener("change", event => {
        const field = event.target.closest("[data-autosubmit]");
        const refresh = field?.form?.querySelector("button[data-refresh]");
        if (refresh) field.form.requestSubmit(refresh);
    });

    // A form posts back to the same page: keep the reader where they were instead of jumping to the top.
    const key = "switchboard.scroll:" + location.pathname;
    document.addEventListener("submit", () => sessionStorage.setItem(key, String(window.scrollY)));
    const saved = sessionStorage.getItem(key);
    if (saved !== null) {
        sessionStorage.removeItem(key);
        window.scrollTo(0, Number(saved));
    }
})();
