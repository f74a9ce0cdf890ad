namespace Switchboard.Telephony;

/// <summary>
/// Receives call events (for the call records, logs, the realtime API). Called on the call's own flow, so an
/// observer must only take the event (e.g. write it to a bounded channel) and never wait.
/// </summary>
public interface ICallObserver
{
    void OnCallEvent(CallEvent callEvent);
}
