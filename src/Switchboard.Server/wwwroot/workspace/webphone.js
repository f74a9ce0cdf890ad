// The browser end of a call: the microphone and an RTCPeerConnection to Switchboard. The browser offers and the
// server answers (it is ICE-lite and the DTLS server), so no ICE servers are needed and no candidates are sent on:
// the offer goes as soon as it is made, without waiting for gathering, as the server learns the browser's address
// from the browser's own connectivity checks. The workspace page drives it through Blazor's JS interop.
const StatsEveryMilliseconds = 250;
// Until the first audio arrives the stats are read more often, so that the moment audio flows is seen within this.
const FirstAudioStatsEveryMilliseconds = 20;

export class Webphone {
    #audio;
    #listener;
    #connection = null;
    #microphone = null;
    #statsTimer = null;

    /**
     * @param audio the <audio autoplay> element that plays the caller;
     * @param listener the page (a .NET object reference), told AudioStats(packetsReceived, packetsSent) once audio flows.
     */
    constructor(audio, listener) {
        this.#audio = audio;
        this.#listener = listener;
    }

    isActive() {
        return this.#connection !== null;
    }

    /**
     * Takes the microphone and makes a new peer connection; resolves to its SDP offer, for the server to answer
     * (an offered call, or a call taken over again after the page reloaded).
     */
    async offer() {
        this.close();
        try {
            this.#microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
            const connection = new RTCPeerConnection({ iceServers: [] });
            this.#connection = connection;
            for (const track of this.#microphone.getAudioTracks()) connection.addTrack(track, this.#microphone);
            connection.addEventListener("track", event => {
                this.#audio.srcObject = event.streams[0] ?? new MediaStream([event.track]);
            });
            await connection.setLocalDescription(await connection.createOffer());
            return connection.localDescription.sdp;
        } catch (error) {
            this.close();
            throw error;
        }
    }

    /** Sets the server's answer to the last offer; the audio flows once ICE and DTLS are done. */
    async complete(answer) {
        const connection = this.#connection;
        if (connection === null) return;
        try {
            await connection.setRemoteDescription({ type: "answer", sdp: answer });
        } catch (error) {
            this.close();
            throw error;
        }
        this.#statsTimer = setTimeout(() => this.#reportStats(false), FirstAudioStatsEveryMilliseconds);
    }

    /** Mutes the microphone: the track stays, it sends silence. */
    setMuted(muted) {
        for (const track of this.#microphone?.getAudioTracks() ?? []) track.enabled = !muted;
    }

    close() {
        clearTimeout(this.#statsTimer);
        this.#statsTimer = null;
        for (const track of this.#microphone?.getTracks() ?? []) track.stop();
        this.#microphone = null;
        this.#connection?.close();
        this.#connection = null;
        this.#audio.srcObject = null;
    }

    async #reportStats(flowing) {
        const connection = this.#connection;
        if (connection === null) return;
        let packetsReceived = 0;
        let packetsSent = 0;
        for (const report of (await connection.getStats()).values()) {
            if (report.type === "inbound-rtp" && report.kind === "audio") packetsReceived += report.packetsReceived ?? 0;
            if (report.type === "outbound-rtp" && report.kind === "audio") packetsSent += report.packetsSent ?? 0;
        }
        if (this.#connection !== connection) return;
        const nowFlowing = packetsReceived > 0;
        // From Accept to the caller heard (the performance test reads it).
        if (nowFlowing && !flowing) performance.mark("workspace:audio-flowing");
        if (nowFlowing) this.#listener.invokeMethodAsync("AudioStats", packetsReceived, packetsSent).catch(() => {});
        this.#statsTimer = setTimeout(() => this.#reportStats(nowFlowing), nowFlowing ? StatsEveryMilliseconds : FirstAudioStatsEveryMilliseconds);
    }
}
