// The ring of an incoming call, synthesised with WebAudio so that no sound file is needed: the two tones of the
// North American ringback (440 Hz + 480 Hz), two seconds on and four off, until stopped.
const ToneHertz = [440, 480];
const OnSeconds = 2;
const PeriodMilliseconds = 6000;
const Volume = 0.08;

export class Ringer {
    #context = null;
    #timer = null;
    #sounding = [];

    get ringing() {
        return this.#timer !== null;
    }

    start() {
        if (this.#timer !== null) return;
        this.#context ??= new AudioContext();
        // Browsers keep audio suspended until the page was used; the status selector usually was.
        this.#context.resume().catch(() => {});
        this.#burst();
        this.#timer = setInterval(() => this.#burst(), PeriodMilliseconds);
    }

    stop() {
        if (this.#timer === null) return;
        clearInterval(this.#timer);
        this.#timer = null;
        for (const oscillator of this.#sounding) oscillator.stop();
        this.#sounding = [];
    }

    #burst() {
        const context = this.#context;
        const now = context.currentTime;
        const gain = context.createGain();
        // Short ramps, so the tone starts and ends without a click.
        gain.gain.setValueAtTime(0, now);
        gain.gain.linearRampToValueAtTime(Volume, now + 0.02);
        gain.gain.setValueAtTime(Volume, now + OnSeconds - 0.02);
        gain.gain.linearRampToValueAtTime(0, now + OnSeconds);
        gain.connect(context.destination);
        this.#sounding = ToneHertz.map(hertz => {
            const oscillator = new OscillatorNode(context, { frequency: hertz });
            oscillator.connect(gain);
            oscillator.start(now);
            oscillator.stop(now + OnSeconds);
            return oscillator;
        });
    }
}
