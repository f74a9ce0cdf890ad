namespace Switchboard.Domain.Acd;

/// <summary>Why an agent's status changed.</summary>
public enum StatusChangeReason
{
    /// <summary>The agent (or a supervisor on their behalf) chose it.</summary>
    Chosen,
    /// <summary>The agent let the queue's maximum number of offers in a row go unanswered.</summary>
    TooManyUnansweredOffers,
}
