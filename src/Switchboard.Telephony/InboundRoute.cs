using Switchboard.Domain.Routing;

namespace Switchboard.Telephony;

/// <summary>One of our numbers, in E.164 form, and the scenario its calls run.</summary>
public sealed record InboundRoute(string Number, Scenario Scenario);
