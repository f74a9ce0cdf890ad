// The agent workspace: keeps the page live over the events socket (GET /api/v1/events) and acts through the
// workspace API (/api/v1/workspace). Every event that changes what is shown either carries it or makes the page
// read its state again, so a missed message heals on the next one or on the next reconnect. After a reload (or a
// reconnect) the current call comes back from the server: the offer or the call panel, and a webphone call's audio.
import { Ringer } from "./ringer.js";
import { Webphone } from "./webphone.js";

const root = document.getElementById("workspace");
const agentId = root.dataset.agentId;
const api = "/api/v1/workspace";
const statusKey = `switchboard.workspace.status:${agentId}`;
const runKey = `switchboard.workspace.run:${agentId}`;
const ReconnectMaxMilliseconds = 10000;
const QueueRefreshDelayMilliseconds = 300;

const StatusNames = { ready: "Ready", backSoon: "Back soon", notAvailable: "Not available" };
const ActivityNames = { idle: "Idle", offered: "Ringing", onCall: "On call", wrapUp: "Wrap-up" };
const StopWords = {
    answeredElsewhere: "Taken by another agent",
    callerHungUp: "Caller hung up",
    noAnswer: "Not answered",
    refused: "Refused",
    failed: "Could not ring your phone",
};
const LeftWords = {
    hungUp: "You hung up",
    callerHungUp: "Caller hung up",
    transferred: "Transferred",
    failed: "The call failed",
};

const $ = (selector, within = root) => within.querySelector(selector);
const byTestId = id => $(`[data-testid="${id}"]`);

const statusSelect = $("#status");
const offerPanel = $("#offer");
const callPanel = $("#call");
const connection = $("#connection");

const ringer = new Ringer();
const phone = new Webphone($("#remote-audio"), showAudio);

let statusSince = Date.now();
let activity = "idle";
let wrapUpEndsAt = null;
let queueIds = new Set();
let offer = null; // { callId, callerNumber, queueId, queueName, webphone, endsAt, waitingFor, shownAt }
let call = null; // { callId, callerNumber, queueId, queueName, webphone, connectedAt, held, muted, audioFlowing }
let answered = null; // the offer just answered, until its call connects
let socket = null;
let reconnectAttempt = 0;
let queueRefresh = null;
let digitsSent = Promise.resolve();
let callEvents = 0; // call events received so far: tells whether one came while the workspace was being read

// ---- the events socket --------------------------------------------------------------------------------------

function connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    socket = new WebSocket(`${scheme}://${location.host}/api/v1/events`);
    socket.addEventListener("open", () => {
        reconnectAttempt = 0;
        showConnection("connected", "Connected");
        refresh({ afterConnect: true });
    });
    socket.addEventListener("message", event => handle(JSON.parse(event.data)));
    socket.addEventListener("close", () => {
        // Backs off 0.5 s, 1 s, 2 s... up to 10 s, so a restarting server is not flooded by every open page.
        const delay = Math.min(ReconnectMaxMilliseconds, 500 * 2 ** reconnectAttempt++);
        showConnection("reconnecting", "Connection lost, reconnecting…");
        setTimeout(connect, delay);
    });
}

function handle(message) {
    // The server stops (a restart): it closes the socket next, and the page reconnects once it is back.
    if (message.type === "serverStopping") return showConnection("reconnecting", "The switchboard is restarting…");
    if (message.agentId === agentId) {
        if (message.type.startsWith("call") || message.type === "ringingStopped") callEvents++;
        switch (message.type) {
            case "agentStatusChanged": return statusChanged(message.status);
            case "agentActivityChanged": return activityChanged(message.activity);
            case "callRinging": return ringing(message);
            case "ringingStopped": return ringingStopped(message);
            case "callConnected": return connected(message);
            case "callHeld": return held(message);
            case "callLeft": return left(message);
        }
    }
    // A call entered or left one of the agent's queues: read the counts again, once for a burst of such events.
    if (message.queueId && queueIds.has(message.queueId) && (message.type === "callEnteredQueue" || "outcome" in message)) {
        clearTimeout(queueRefresh);
        queueRefresh = setTimeout(() => refresh(), QueueRefreshDelayMilliseconds);
    }
}

// ---- the agent's state ----------------------------------------------------------------------------------------

async function refresh({ afterConnect = false } = {}) {
    const callEventsBefore = callEvents;
    const response = await fetch(api, { headers: { Accept: "application/json" } });
    if (response.status === 401) {
        location.assign(`/login?returnUrl=${encodeURIComponent(location.pathname)}`);
        return;
    }
    if (!response.ok) return;
    const workspace = await response.json();
    const agent = workspace.agent;
    statusSince = Date.now() - agent.secondsInStatus * 1000;
    showStatus(agent.status);
    showActivity(agent.activity, agent.wrapUpRemainingSeconds);
    showQueues(workspace.queues);
    showRecentCalls(workspace.recentCalls);
    if (afterConnect) {
        // A call event that came on the socket meanwhile may be newer than this answer: then only what the page lacks is restored.
        const current = workspace.currentCall ?? null;
        if (callEvents === callEventsBefore || (current !== null && offer === null && call === null)) restoreCall(current);
        await restoreStatusAfterRestart(workspace.serverRun, agent.status);
    }
}

// What rang or was connected while the page was away (reloaded, reopened, offline) is shown as the server has it;
// what the page still shows but the server no longer has ended meanwhile.
function restoreCall(current) {
    if (offer !== null && offer.callId !== current?.callId) endOffer();
    if (call !== null && call.callId !== current?.callId) {
        call = null;
        phone.close();
        callPanel.hidden = true;
    }
    if (current === null) return;
    const details = {
        callId: current.callId,
        callerNumber: current.callerNumber ?? null,
        callerName: current.callerName ?? null,
        queueId: current.queueId ?? null,
        queueName: current.queueName ?? null,
        webphone: current.webphone === true,
    };
    if (current.state === "ringing") {
        if (offer?.callId === current.callId) return;
        showOffer({ ...details, ringSeconds: current.ringSecondsLeft ?? 0, waitedSeconds: current.secondsWaiting ?? null });
        return;
    }
    endOffer();
    if (call?.callId !== current.callId) {
        showCall({ ...details, connectedAt: Date.now() - (current.secondsConnected ?? 0) * 1000 });
    }
    showHeld(current.state === "held");
    // The old page's peer connection died with it: the browser takes the call's media over at once.
    if (call.webphone && !phone.active) reconnectAudio(call.callId);
}

// Live state is memory only: a server that restarted has forgotten the agent's status, so the page sets it again.
async function restoreStatusAfterRestart(serverRun, serverStatus) {
    const knownRun = sessionStorage.getItem(runKey);
    sessionStorage.setItem(runKey, serverRun);
    const chosen = sessionStorage.getItem(statusKey);
    if (knownRun !== null && knownRun !== serverRun && chosen !== null && chosen !== serverStatus) await chooseStatus(chosen);
    else sessionStorage.setItem(statusKey, serverStatus);
}

async function chooseStatus(chosen) {
    sessionStorage.setItem(statusKey, chosen);
    const problem = byTestId("status-problem");
    const response = await fetch(`/api/v1/agents/${agentId}/status`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ status: chosen }),
    });
    problem.hidden = response.ok;
    problem.textContent = response.ok ? "" : "Your status could not be changed; try again.";
}

function statusChanged(newStatus) {
    statusSince = Date.now();
    sessionStorage.setItem(statusKey, newStatus);
    showStatus(newStatus);
}

function activityChanged(newActivity) {
    showActivity(newActivity, null);
    // The wrap-up's length is the queue's: read it, with the rest of the state (and the call just ended).
    if (newActivity === "wrapUp" || newActivity === "idle") refresh();
}

function showStatus(newStatus) {
    statusSelect.value = newStatus;
    statusSelect.disabled = false;
    tick();
}

function showActivity(newActivity, wrapUpRemainingSeconds) {
    activity = newActivity;
    if (newActivity !== "wrapUp") wrapUpEndsAt = null;
    else if (wrapUpRemainingSeconds !== null && wrapUpRemainingSeconds !== undefined) wrapUpEndsAt = Date.now() + wrapUpRemainingSeconds * 1000;
    byTestId("live-state").textContent = ActivityNames[newActivity] ?? newActivity;
    tick();
}

function showQueues(queues) {
    queueIds = new Set(queues.map(queue => queue.id));
    const body = byTestId("queues");
    body.replaceChildren(...queues.map(queue => row({ "queue-name": queue.name, "queue-waiting": String(queue.waiting) }, "queue-row")));
    body.closest("table").hidden = queues.length === 0;
    byTestId("no-queues").hidden = queues.length > 0;
}

function showRecentCalls(calls) {
    const body = byTestId("recent-calls");
    body.replaceChildren(...calls.map(recent => row({
        "recent-when": new Date(recent.startedAt).toLocaleString(),
        "recent-caller": recent.callerNumber ?? "Withheld",
        "recent-queue": recent.queueName ?? "",
        "recent-talked": recent.answeredAt ? clock((Date.parse(recent.endedAt) - Date.parse(recent.answeredAt)) / 1000) : "",
    }, "recent-call")));
    body.closest("table").hidden = calls.length === 0;
    byTestId("no-recent-calls").hidden = calls.length > 0;
}

// ---- ringing ----------------------------------------------------------------------------------------------------

function ringing(message) {
    const waitedSeconds = message.waitingSince ? Math.max(0, Date.parse(message.at) - Date.parse(message.waitingSince)) / 1000 : null;
    showOffer({
        callId: message.callId,
        callerNumber: message.callerNumber ?? null,
        callerName: message.callerName ?? null,
        queueId: message.queueId ?? null,
        queueName: message.queueName ?? null,
        webphone: message.webphone === true,
        ringSeconds: message.ringSeconds,
        waitedSeconds,
    });
    // From the ACD's offer to the panel on screen (server and browser clocks; the performance test runs both on one machine).
    performance.mark("workspace:offer-shown", { detail: { callId: offer.callId, offeredAt: message.at } });
}

function showOffer(details) {
    offer = {
        callId: details.callId,
        callerNumber: details.callerNumber,
        queueId: details.queueId,
        queueName: details.queueName,
        webphone: details.webphone,
        endsAt: Date.now() + details.ringSeconds * 1000,
        waitingSince: details.waitedSeconds === null ? null : Date.now() - details.waitedSeconds * 1000,
    };
    byTestId("offer-ended").hidden = true;
    byTestId("offer-caller").textContent = offer.callerNumber ?? details.callerName ?? "Withheld";
    byTestId("offer-contact").textContent = "Unknown";
    byTestId("offer-queue").textContent = offer.queueName ?? "Direct call";
    byTestId("offer-problem").hidden = true;
    byTestId("offer-phone").hidden = offer.webphone;
    $("[data-action=accept]", offerPanel).hidden = !offer.webphone;
    setButtons(offerPanel, false);
    offerPanel.hidden = false;
    tick();
    ringer.start();
    fillContact(offer.callId);
}

async function fillContact(callId) {
    const response = await fetch(`${api}/calls/${callId}`, { headers: { Accept: "application/json" } });
    if (!response.ok || offer?.callId !== callId) return;
    const details = await response.json();
    if (details.contactName) byTestId("offer-contact").textContent = details.contactName;
}

function ringingStopped(message) {
    if (offer?.callId !== message.callId) return;
    const ended = offer;
    endOffer();
    // Answered: the call panel takes the offer's details when the call connects (ringing stops first).
    if (message.reason === "answered") {
        answered = ended;
        return;
    }
    showNotice(StopWords[message.reason] ?? "The call stopped ringing");
}

function endOffer() {
    ringer.stop();
    offer = null;
    offerPanel.hidden = true;
}

async function accept() {
    const ringingCall = offer;
    if (ringingCall === null) return;
    ringer.stop();
    setButtons(offerPanel, true);
    performance.mark("workspace:accept-clicked", { detail: { callId: ringingCall.callId } });
    try {
        await phone.answer(async sdp => {
            const response = await post(`calls/${ringingCall.callId}/accept`, { sdp });
            if (!response.ok) throw new Error(await problemOf(response));
            return (await response.json()).sdp;
        });
    } catch (error) {
        const problem = byTestId("offer-problem");
        problem.textContent = `Could not answer: ${error.message}`;
        problem.hidden = false;
        setButtons(offerPanel, false);
    }
}

async function refuse() {
    const ringingCall = offer;
    if (ringingCall === null) return;
    ringer.stop();
    setButtons(offerPanel, true);
    const response = await post(`calls/${ringingCall.callId}/refuse`);
    // Gone meanwhile (taken elsewhere, caller hung up): ringingStopped says why.
    if (!response.ok && response.status !== 404) setButtons(offerPanel, false);
}

// ---- in call ----------------------------------------------------------------------------------------------------

function connected(message) {
    const from = [offer, answered].find(ringing => ringing?.callId === message.callId) ?? { callId: message.callId, webphone: phone.active };
    answered = null;
    endOffer();
    showCall({ ...from, webphone: from.webphone && phone.active, connectedAt: Date.now() });
}

function showCall(details) {
    call = {
        callId: details.callId,
        callerNumber: details.callerNumber ?? null,
        queueId: details.queueId ?? null,
        queueName: details.queueName ?? null,
        webphone: details.webphone,
        connectedAt: details.connectedAt,
        held: false,
        muted: false,
        audioFlowing: false,
    };
    byTestId("call-caller").textContent = call.callerNumber ?? "the caller";
    // Nothing of the last call's audio counts for this one.
    const audio = byTestId("call-audio");
    audio.hidden = true;
    audio.textContent = "";
    delete audio.dataset.packetsReceived;
    byTestId("call-problem").hidden = true;
    byTestId("transfer-problem").hidden = true;
    $("[data-action=mute]", callPanel).hidden = !call.webphone;
    $("[data-action=mute]", callPanel).textContent = "Mute";
    setPressed("mute", false);
    showHeld(false);
    setButtons(callPanel, false);
    callPanel.hidden = false;
    tick();
    loadTransferTargets();
}

function held(message) {
    if (call?.callId !== message.callId) return;
    showHeld(message.held);
}

function showHeld(isHeld) {
    call.held = isHeld;
    setPressed("hold", call.held);
    $("[data-action=hold]", callPanel).textContent = call.held ? "Resume" : "Hold";
    byTestId("call-held").hidden = !call.held;
}

function left(message) {
    if (call?.callId !== message.callId) {
        if (offer?.callId === message.callId) endOffer();
        return;
    }
    call = null;
    phone.close();
    callPanel.hidden = true;
    showNotice(`Call ended: ${LeftWords[message.reason] ?? message.reason}`);
}

// A new peer connection for the call the page already shows: the server answers it on the call's same media.
async function reconnectAudio(callId) {
    try {
        await phone.answer(async sdp => {
            const response = await post(`calls/${callId}/reconnect`, { sdp });
            if (!response.ok) throw new Error(await problemOf(response));
            return (await response.json()).sdp;
        });
    } catch (error) {
        if (call?.callId !== callId) return;
        const problem = byTestId("call-problem");
        problem.textContent = `Could not bring back the call's audio: ${error.message}`;
        problem.hidden = false;
    }
}

function showAudio({ packetsReceived, packetsSent }) {
    if (call === null) return;
    const audio = byTestId("call-audio");
    if (packetsReceived > 0 && !call.audioFlowing) {
        call.audioFlowing = true;
        performance.mark("workspace:audio-flowing", { detail: { callId: call.callId } });
    }
    audio.hidden = false;
    audio.dataset.packetsReceived = String(packetsReceived);
    audio.textContent = packetsReceived > 0
        ? `Audio: ${packetsReceived} packets received, ${packetsSent} sent`
        : "Audio: connecting…";
}

async function callCommand(path, body) {
    if (call === null) return;
    const response = await post(`calls/${call.callId}/${path}`, body);
    const problem = byTestId("call-problem");
    problem.hidden = response.ok;
    if (!response.ok) problem.textContent = await problemOf(response);
}

// One digit request after the other: sent at once, they could reach the server out of the order they were pressed in.
// A request that failed (network) does not hold back the next digit.
function sendDigit(digit) {
    digitsSent = digitsSent.catch(() => {}).then(() => callCommand("dtmf", { digits: digit }));
}

function toggleMute() {
    if (call === null || !call.webphone) return;
    call.muted = !call.muted;
    phone.setMuted(call.muted);
    setPressed("mute", call.muted);
    $("[data-action=mute]", callPanel).textContent = call.muted ? "Unmute" : "Mute";
}

async function hangUp() {
    if (call === null) return;
    setButtons(callPanel, true);
    phone.close();
    await callCommand("hangup");
}

async function loadTransferTargets() {
    const response = await fetch(`${api}/transfer-targets`, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const targets = await response.json();
    fillChoices($("#transfer-user"), "Choose a user", targets.users.map(user =>
        [user.id, `${user.name} (${StatusNames[user.status] ?? user.status}${user.reachable ? "" : ", offline"})`]));
    fillChoices($("#transfer-queue"), "Choose a queue", targets.queues.map(queue => [queue.id, queue.name]));
}

async function transfer(event) {
    event.preventDefault();
    if (call === null) return;
    const userId = $("#transfer-user").value;
    const queueId = $("#transfer-queue").value;
    const number = $("#transfer-number").value.trim();
    const body = {};
    if (userId) body.userId = userId;
    if (queueId) body.queueId = queueId;
    if (number) body.number = number;
    const problem = byTestId("transfer-problem");
    const response = await post(`calls/${call.callId}/transfer`, body);
    problem.hidden = response.ok;
    if (!response.ok) problem.textContent = await problemOf(response);
    else event.target.reset();
}

// ---- shared bits ------------------------------------------------------------------------------------------------

function tick() {
    const now = Date.now();
    byTestId("time-in-status").textContent = clock((now - statusSince) / 1000);
    const wrapUp = byTestId("wrap-up");
    wrapUp.hidden = activity !== "wrapUp" || wrapUpEndsAt === null;
    if (!wrapUp.hidden) wrapUp.textContent = `${Math.max(0, Math.ceil((wrapUpEndsAt - now) / 1000))} s left`;
    if (offer !== null) {
        byTestId("offer-countdown").textContent = `${Math.max(0, Math.ceil((offer.endsAt - now) / 1000))} s`;
        byTestId("offer-waited").textContent = offer.waitingSince === null ? "" : clock((now - offer.waitingSince) / 1000);
    }
    if (call !== null) byTestId("call-timer").textContent = clock((now - call.connectedAt) / 1000);
}

function showNotice(text) {
    const notice = byTestId("offer-ended");
    notice.textContent = text;
    notice.hidden = false;
}

function showConnection(state, text) {
    connection.dataset.state = state;
    connection.textContent = text;
}

function post(path, body) {
    return fetch(`${api}/${path}`, {
        method: "POST",
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
}

async function problemOf(response) {
    if (response.status === 404) return "The call is gone.";
    try {
        const problem = await response.json();
        const fieldErrors = Object.values(problem.errors ?? {}).flat();
        return fieldErrors.length > 0 ? fieldErrors.join(" ") : problem.detail ?? problem.title ?? `Error ${response.status}`;
    } catch {
        return `Error ${response.status}`;
    }
}

function row(cells, testId) {
    const tr = document.createElement("tr");
    tr.dataset.testid = testId;
    for (const [cellTestId, text] of Object.entries(cells)) {
        const td = document.createElement("td");
        td.dataset.testid = cellTestId;
        td.textContent = text;
        tr.append(td);
    }
    return tr;
}

function fillChoices(select, prompt, choices) {
    const first = new Option(prompt, "");
    select.replaceChildren(first, ...choices.map(([value, text]) => new Option(text, value)));
}

function setButtons(panel, disabled) {
    for (const button of panel.querySelectorAll("button")) button.disabled = disabled;
}

function setPressed(action, pressed) {
    $(`[data-action=${action}]`, callPanel).setAttribute("aria-pressed", String(pressed));
}

function clock(seconds) {
    const whole = Math.max(0, Math.floor(seconds));
    const hours = Math.floor(whole / 3600);
    const minutes = Math.floor((whole % 3600) / 60);
    const rest = String(whole % 60).padStart(2, "0");
    return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

// ---- wiring -----------------------------------------------------------------------------------------------------

statusSelect.addEventListener("change", () => chooseStatus(statusSelect.value));
$("[data-action=accept]", offerPanel).addEventListener("click", accept);
$("[data-action=refuse]", offerPanel).addEventListener("click", refuse);
$("[data-action=mute]", callPanel).addEventListener("click", toggleMute);
$("[data-action=hold]", callPanel).addEventListener("click", () => call && callCommand("hold", { held: !call.held }));
$("[data-action=hangup]", callPanel).addEventListener("click", hangUp);
for (const key of callPanel.querySelectorAll("[data-digit]")) key.addEventListener("click", () => sendDigit(key.dataset.digit));
$("form.transfer", callPanel).addEventListener("submit", transfer);
setInterval(tick, 250);
connect();
