// The browser end of a call: the microphone and an RTCPeerConnection to Switchboard. The browser offers and the
// server answers (it is ICE-lite and the DTLS server), so no ICE servers are needed and no candidates are sent on:
// the offer goes as soon as it is made, without waiting for gathering, as the server learns the browser's address
// from the browser's own connectivity checks.
const StatsEveryMilliseconds = 250;
// Until the first audio arrives the stats are read more often, so that the moment audio flows is seen within this.
const FirstAudioStatsEveryMilliseconds = 20;

export class Webphone {
    #audio;
    #onStats;
    #connection = null;
    #microphone = null;
    #statsTimer = null;

    /** @param audio the <audio autoplay> element that plays the caller; @param onStats called with {packetsReceived, packetsSent}. */
    constructor(audio, onStats) {
        this.#audio = audio;
        this.#onStats = onStats;
    }

    get active() {
        return this.#connection !== null;
    }

    /**
     * Answers: sends the browser's offer through accept(sdp), which resolves to the server's answer. The same serves a
     * call taken over again after the page reloaded: a new connection's offer, answered on the call's media.
     */
    async answer(accept) {
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
            const answer = await accept(connection.localDescription.sdp);
            if (this.#connection !== connection) return;
            await connection.setRemoteDescription({ type: "answer", sdp: answer });
            this.#statsTimer = setTimeout(() => this.#reportStats(), FirstAudioStatsEveryMilliseconds);
        } catch (error) {
            this.close();
            throw error;
        }
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

    async #reportStats() {
        const connection = this.#connection;
        if (connection === null) return;
        let packetsReceived = 0;
        let packetsSent = 0;
        for (const report of (await connection.getStats()).values()) {
            if (report.type === "inbound-rtp" && report.kind === "audio") packetsReceived += report.packetsReceived ?? 0;
            if (report.type === "outbound-rtp" && report.kind === "audio") packetsSent += report.packetsSent ?? 0;
        }
        if (this.#connection !== connection) return;
        this.#onStats({ packetsReceived, packetsSent });
        this.#statsTimer = setTimeout(() => this.#reportStats(), packetsReceived > 0 ? StatsEveryMilliseconds : FirstAudioStatsEveryMilliseconds);
    }
}
