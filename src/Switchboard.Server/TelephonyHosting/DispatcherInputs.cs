using Switchboard.Domain.Acd;
using Switchboard.Telephony;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>Telephony's reports (answers, refusals, failures, ended calls) go into the ACD dispatcher's mailbox.</summary>
public sealed class DispatcherInputs(AcdDispatcher dispatcher) : IAcdInputSink
{
    public void Post(AcdInput input) => dispatcher.Post(input);
}
