using Switchboard.Domain.Acd;

namespace Switchboard.Telephony;

/// <summary>Where telephony reports what happened to the ACD's offers and calls (the dispatcher's mailbox); must not block.</summary>
public interface IAcdInputSink
{
    void Post(AcdInput input);
}
