// The Client info tab beside the agent's call: queue, client (identified contacts, Add, Search), member description
// and call variables. It follows the call through the page's "workspace:call" events and acts through
// /api/v1/workspace/calls/{callId}/client. Everything is built with DOM nodes and textContent, never markup from data.
// workspace.js imports it as a module; it brings its own stylesheet.
(() => {
    const root = document.getElementById("client-info");
    if (!root) return;
    const styles = document.createElement("link");
    styles.rel = "stylesheet";
    styles.href = new URL("./client-info.css", import.meta.url).href;
    document.head.append(styles);

    const userId = root.dataset.userId || "";
    const collapsedKey = "switchboard.clientInfo.collapsed:" + userId;
    const blocks = [
        { id: "queue", title: "Queue" },
        { id: "client", title: "Client" },
        { id: "member", title: "Member description" },
        { id: "variables", title: "Call variables" },
    ];

    // One call at a time: what the server said about it and where the agent is in the Client block.
    let call = null;

    document.addEventListener("workspace:call", event => {
        const { callId, callerNumber, queueName, state } = event.detail || {};
        if (!callId) return;
        if (!call || call.id !== callId) {
            call = {
                id: callId, state, answered: state === "connected", callerNumber, queueName,
                info: null, problem: null, contacts: [], shown: 0, mode: "contacts",
                search: null, form: null,
            };
            load(call);
        } else {
            call.state = state;
            // Ending a call the agent never answered does not open Add and Search: it was never theirs.
            if (state === "connected") call.answered = true;
        }
        render();
    });

    async function load(target) {
        const answer = await request("GET", "");
        if (call !== target) return;
        if (answer.ok) {
            target.info = answer.body;
            target.contacts = answer.body.contacts;
        } else {
            target.problem = answer.problem;
        }
        render();
    }

    function api(path) {
        return `/api/v1/workspace/calls/${encodeURIComponent(call.id)}/client${path}`;
    }

    async function request(method, path, body) {
        try {
            const response = await fetch(api(path), {
                method,
                credentials: "same-origin",
                headers: body ? { "Content-Type": "application/json" } : {},
                body: body ? JSON.stringify(body) : undefined,
            });
            const text = await response.text();
            const json = text ? JSON.parse(text) : null;
            if (response.ok) return { ok: true, body: json };
            return { ok: false, problem: json?.title || `The server answered ${response.status}.`, errors: json?.errors || {} };
        } catch {
            return { ok: false, problem: "The switchboard cannot be reached.", errors: {} };
        }
    }

    // ---- rendering -------------------------------------------------------------------------------------------

    function render() {
        root.replaceChildren(el("h2", {}, "Client info"));
        if (!call) {
            root.append(el("p", { class: "empty", "data-testid": "client-info-idle" }, "Client info shows here during a call."));
            return;
        }
        if (call.problem) root.append(el("p", { class: "error", role: "alert" }, call.problem));
        for (const block of blocks) root.append(renderBlock(block));
    }

    function renderBlock(block) {
        const collapsed = readCollapsed()[block.id] === true;
        const bodyId = `client-info-${block.id}`;
        const toggle = el("button", {
            type: "button", class: "ci-toggle", "aria-expanded": String(!collapsed), "aria-controls": bodyId,
        }, block.title);
        toggle.addEventListener("click", () => {
            const states = readCollapsed();
            states[block.id] = !collapsed;
            localStorage.setItem(collapsedKey, JSON.stringify(states));
            render();
        });
        const body = el("div", { id: bodyId, class: "ci-body" });
        body.hidden = collapsed;
        if (!collapsed) body.append(...blockContent(block.id));
        return el("section", { class: "ci-block", "data-block": block.id, "aria-label": block.title }, el("h3", {}, toggle), body);
    }

    function readCollapsed() {
        try {
            return JSON.parse(localStorage.getItem(collapsedKey) || "{}") || {};
        } catch {
            return {};
        }
    }

    function blockContent(id) {
        const info = call.info;
        switch (id) {
            case "queue": {
                const name = info?.queueName ?? call.queueName;
                return [name ? el("p", { "data-testid": "client-queue" }, name) : el("p", { class: "empty", "data-testid": "client-queue" }, "Not through a queue")];
            }
            case "member":
                return [info?.memberDescription
                    ? el("p", { "data-testid": "client-member" }, info.memberDescription)
                    : el("p", { class: "empty", "data-testid": "client-member" }, "No member description")];
            case "variables": {
                const entries = Object.entries(info?.variables || {});
                if (entries.length === 0) return [el("p", { class: "empty" }, "No call variables")];
                return [el("dl", { class: "ci-facts", "data-testid": "client-variables" },
                    ...entries.flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)]))];
            }
            default:
                return clientContent();
        }
    }

    function clientContent() {
        if (call.mode === "add") return [addForm()];
        if (call.mode === "search") return searchContent();

        const nodes = [];
        const number = call.info?.callerNumber ?? call.callerNumber;
        if (number) nodes.push(el("p", { class: "hint" }, "Caller: ", el("span", { "data-testid": "client-caller" }, number)));
        if (!call.info && !call.problem) {
            nodes.push(el("p", { class: "empty" }, "Looking up the caller…"));
        } else if (call.contacts.length === 0) {
            nodes.push(el("p", { class: "empty", "data-testid": "client-none" }, "No contact found"));
        } else {
            const index = Math.min(call.shown, call.contacts.length - 1);
            nodes.push(stepper(index, call.contacts.length, next => { call.shown = next; render(); }, "client-position"));
            nodes.push(card(call.contacts[index], null));
        }

        const accepted = call.answered;
        const add = el("button", { type: "button" }, "Add");
        const search = el("button", { type: "button" }, "Search");
        add.disabled = search.disabled = !accepted;
        add.addEventListener("click", () => openAdd());
        search.addEventListener("click", () => { call.mode = "search"; call.search = { by: "name", q: "", page: 1, result: null, problem: null }; render(); });
        nodes.push(el("div", { class: "actions-bar" }, add, search));
        if (!accepted) nodes.push(el("p", { class: "hint" }, "Add and Search open once you have answered the call."));
        return nodes;
    }

    // "1 of 3" with Previous and Next, for identified contacts and search results alike.
    function stepper(index, total, go, testId) {
        const previous = el("button", { type: "button" }, "Previous");
        const next = el("button", { type: "button" }, "Next");
        previous.disabled = index <= 0;
        next.disabled = index >= total - 1;
        previous.addEventListener("click", () => go(index - 1));
        next.addEventListener("click", () => go(index + 1));
        return el("div", { class: "ci-stepper" }, previous, el("span", { "data-testid": testId }, `${index + 1} of ${total}`), next);
    }

    // A contact: name, Open (CRM page or read-only link), labels, attributes, description, and its communication
    // options in Phones / Messaging / Emails tabs. onSelect adds a Select button (search results).
    function card(contact, onSelect) {
        const actions = el("div", { class: "actions-bar" },
            el("a", { href: contact.open, target: "_blank", rel: "noopener", class: "button-link" }, "Open"));
        if (onSelect) {
            const select = el("button", { type: "button", class: "primary" }, "Select");
            select.addEventListener("click", () => onSelect(contact));
            actions.append(select);
        }

        const attributes = Object.entries(contact.attributes || {});
        const tabs = [
            { name: "Phones", items: contact.phones.map(p => `${p.number} · ${p.type}${p.primary ? " · primary" : ""}`) },
            { name: "Messaging", items: contact.messaging.map(m => `${m.channel}: ${m.identifier}`) },
            { name: "Emails", items: contact.emails },
        ];
        const panel = el("ul", { class: "ci-options", role: "tabpanel" });
        const tabList = el("div", { class: "ci-tabs", role: "tablist" });
        const show = chosen => {
            for (const button of tabList.children) button.setAttribute("aria-selected", String(button.textContent === chosen.name));
            panel.replaceChildren(...(chosen.items.length
                ? chosen.items.map(item => el("li", {}, item))
                : [el("li", { class: "empty" }, `No ${chosen.name.toLowerCase()}`)]));
        };
        for (const tab of tabs) {
            const button = el("button", { type: "button", role: "tab" }, tab.name);
            button.addEventListener("click", () => show(tab));
            tabList.append(button);
        }
        show(tabs[0]);

        return el("article", { class: "ci-card", "aria-label": contact.name },
            el("h4", { "data-testid": "client-name" }, contact.name),
            contact.labels.length ? el("ul", { class: "ci-labels", "aria-label": "Labels" }, ...contact.labels.map(l => el("li", {}, l))) : "",
            attributes.length ? el("dl", { class: "ci-facts", "aria-label": "Attributes" }, ...attributes.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])) : "",
            contact.description ? el("p", { class: "ci-description" }, contact.description) : "",
            tabList, panel, actions);
    }

    // ---- Add ------------------------------------------------------------------------------------------------

    async function openAdd() {
        call.mode = "add";
        call.form = { owners: [], labels: [], errors: {}, problem: null, busy: false };
        render();
        const target = call;
        const [owners, labels] = await Promise.all([request("GET", "/owners"), request("GET", "/labels")]);
        if (call !== target || target.mode !== "add") return;
        target.form.owners = owners.ok ? owners.body : [];
        target.form.labels = labels.ok ? labels.body : [];
        if (!owners.ok || !labels.ok) target.form.problem = owners.problem || labels.problem;
        render();
    }

    function addForm() {
        const form = call.form;
        const values = form.values || { name: "", timeZone: "", ownerId: userId, labels: [], newLabels: "", description: "", link: true };
        const error = field => (form.errors[field] || []).map(message => el("p", { class: "field-error", "data-field-error": field }, message));
        const labelErrors = Object.keys(form.errors).filter(key => key.startsWith("labels")).flatMap(error);

        const name = el("input", { id: "ci-name", name: "name", autocomplete: "off", value: values.name });
        const timeZone = el("input", { id: "ci-time-zone", name: "timeZone", list: "ci-time-zones", placeholder: "Europe/Paris", value: values.timeZone });
        const zones = el("datalist", { id: "ci-time-zones" },
            ...(Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : []).map(zone => el("option", { value: zone })));
        const owner = el("select", { id: "ci-owner", name: "ownerId" },
            el("option", { value: "" }, "Nobody"),
            ...form.owners.map(user => el("option", { value: user.id }, user.displayName)));
        owner.value = form.owners.some(user => user.id === values.ownerId) ? values.ownerId : "";
        const existing = form.labels.map(label => {
            const box = el("input", { type: "checkbox", value: label.name });
            box.checked = values.labels.includes(label.name);
            return el("label", { class: "field check" }, box, label.name);
        });
        const newLabels = el("input", { id: "ci-new-labels", name: "newLabels", autocomplete: "off", placeholder: "Comma-separated", value: values.newLabels });
        const description = el("textarea", { id: "ci-description", name: "description" });
        description.value = values.description;
        const link = el("input", { type: "checkbox", id: "ci-link", name: "linkCallerNumber" });
        link.checked = values.link;

        const cancel = el("button", { type: "button" }, "Cancel");
        cancel.addEventListener("click", () => { call.mode = "contacts"; call.form = null; render(); });
        const submit = el("button", { type: "submit", class: "primary" }, "Add");
        submit.disabled = form.busy;

        const element = el("form", { class: "ci-form", "aria-label": "Add a contact" },
            el("div", { class: "field" }, el("label", { for: "ci-name" }, "Name"), name, ...error("name")),
            el("div", { class: "field" }, el("label", { for: "ci-time-zone" }, "Time zone"), timeZone, zones, ...error("timeZone")),
            el("div", { class: "field" }, el("label", { for: "ci-owner" }, "Owner"), owner, ...error("ownerId")),
            el("fieldset", { class: "ci-label-choice" }, el("legend", {}, "Labels"), ...existing,
                el("div", { class: "field" }, el("label", { for: "ci-new-labels" }, "New labels"), newLabels), ...labelErrors),
            el("div", { class: "field" }, el("label", { for: "ci-description" }, "Description"), description, ...error("description")),
            el("div", { class: "field check" }, link, el("label", { for: "ci-link" }, "Link the caller's number"), ...error("linkCallerNumber")),
            form.problem ? el("p", { class: "error", role: "alert" }, form.problem) : "",
            el("div", { class: "actions-bar" }, cancel, submit));

        // What the agent typed survives a re-render (the caller may hang up while they type).
        const capture = () => {
            form.values = {
                name: name.value, timeZone: timeZone.value, ownerId: owner.value,
                labels: existing.map(row => row.querySelector("input")).filter(box => box.checked).map(box => box.value),
                newLabels: newLabels.value, description: description.value, link: link.checked,
            };
        };
        element.addEventListener("input", capture);
        element.addEventListener("change", capture);
        element.addEventListener("submit", async event => {
            event.preventDefault();
            const target = call;
            capture();
            form.busy = true;
            render();
            const answer = await request("POST", "/contacts", {
                name: form.values.name,
                timeZone: form.values.timeZone || null,
                ownerId: form.values.ownerId || null,
                labels: [...form.values.labels, ...form.values.newLabels.split(",").map(l => l.trim()).filter(l => l)],
                description: form.values.description,
                linkCallerNumber: form.values.link,
            });
            if (call !== target) return;
            form.busy = false;
            if (answer.ok) {
                showClient(answer.body);
            } else {
                form.errors = answer.errors;
                form.problem = Object.keys(answer.errors).length ? null : answer.problem;
            }
            render();
        });
        return element;
    }

    // The contact the agent added or selected becomes the call's client.
    function showClient(contact) {
        call.contacts = [contact];
        call.shown = 0;
        call.mode = "contacts";
        call.form = null;
        call.search = null;
    }

    // ---- Search ---------------------------------------------------------------------------------------------

    function searchContent() {
        const search = call.search;
        const by = el("select", { id: "ci-search-by", name: "by", "aria-label": "Search by" },
            el("option", { value: "name" }, "Name"),
            el("option", { value: "destination" }, "Destination (phone or e-mail)"),
            el("option", { value: "attribute" }, "Attribute value"));
        by.value = search.by;
        const text = el("input", { id: "ci-search-text", name: "q", "aria-label": "Search for", autocomplete: "off", value: search.q });
        const back = el("button", { type: "button" }, "Back");
        back.addEventListener("click", () => { call.mode = "contacts"; call.search = null; render(); });
        const form = el("form", { class: "ci-search", role: "search" },
            by, text, el("button", { type: "submit", class: "primary" }, "Search"), back);
        const capture = () => {
            search.by = by.value;
            search.q = text.value;
        };
        form.addEventListener("input", capture);
        form.addEventListener("change", capture);
        form.addEventListener("submit", event => {
            event.preventDefault();
            capture();
            runSearch(1);
        });

        const nodes = [form];
        if (search.problem) nodes.push(el("p", { class: "error", role: "alert" }, search.problem));
        const result = search.result;
        if (result && result.total === 0) nodes.push(el("p", { class: "empty", "data-testid": "search-none" }, "No contact matches."));
        if (result && result.contacts.length) {
            nodes.push(stepper(result.page - 1, result.total, index => runSearch(index + 1), "search-position"));
            nodes.push(card(result.contacts[0], select));
        }
        return nodes;
    }

    async function runSearch(page) {
        const target = call;
        const search = call.search;
        const query = new URLSearchParams({ by: search.by, q: search.q, page: String(page) });
        const answer = await request("GET", `/search?${query}`);
        if (call !== target || call.search !== search) return;
        search.result = answer.ok ? answer.body : null;
        search.problem = answer.ok ? null : Object.values(answer.errors).flat()[0] || answer.problem;
        render();
    }

    async function select(contact) {
        const target = call;
        const answer = await request("POST", "/select", { contactId: contact.id });
        if (call !== target) return;
        if (answer.ok) showClient(answer.body);
        else if (call.search) call.search.problem = Object.values(answer.errors).flat()[0] || answer.problem;
        render();
    }

    function el(tag, attributes, ...children) {
        const node = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes)) {
            if (name === "value") node.value = value;
            else node.setAttribute(name, value);
        }
        node.append(...children.filter(child => child !== ""));
        return node;
    }

    render();
})();
