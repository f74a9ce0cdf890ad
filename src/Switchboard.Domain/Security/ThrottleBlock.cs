namespace Switchboard.Domain.Security;

/// <summary>What a block is on.</summary>
public enum ThrottleBlock
{
    None,
    /// <summary>The source address failed too often.</summary>
    Source,
    /// <summary>The account failed too often, and this address never signed in to it.</summary>
    Account,
}
