namespace Switchboard.Domain.Users;

/// <summary>What a user may do. Admins configure the switchboard, supervisors watch it, agents take calls.</summary>
public enum Role
{
    Admin,
    Supervisor,
    Agent,
}
