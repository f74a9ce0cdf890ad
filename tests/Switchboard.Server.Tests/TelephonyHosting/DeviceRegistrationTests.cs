using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Telephony;

namespace Switchboard.Server.Tests.TelephonyHosting;

/// <summary>
/// REGISTERs of the real server over UDP (issue 10, finding 7): credentials come from memory, never from storage on
/// the SIP loop, and follow every change of a user; a user's bindings are capped so the 200 OK always fits; they
/// survive a restart (finding 10).
/// </summary>
public abstract class DeviceRegistrationTests(StorageKind storage) : SwitchboardTest(storage)
{
    private const string Device = "100";
    private const string DevicePassword = "device-secret-1";

    private readonly UnansweringDatabase _database = new();
    private WebApplicationFactory<Program>? _server;
    private Guid _userId;

    private IPEndPoint SipEndPoint => _server!.Services.GetRequiredService<BackToBackUserAgent>().Endpoint.UdpEndPoint!;

    private async Task StartAsync()
    {
        _server = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<SwitchboardDbContext>(options => options.AddInterceptors(_database))));
        var created = await UsersAsync(users => users.CreateAsync(DeviceUser(DevicePassword), Ct));
        Assert.True(created.Succeeded, "The device's user could not be created.");
        _userId = created.Value!.Id;
    }

    private static UserInput DeviceUser(string sipPassword) =>
        new("device.owner", "Device Owner", Role.Agent, SwitchboardFactory.UserPassword, SipUsername: Device, SipPassword: sipPassword);

    private async Task<T> UsersAsync<T>(Func<UserAdmin, Task<T>> action)
    {
        using var scope = _server!.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserAdmin>());
    }

    [Fact]
    public async Task A_device_registers_while_the_database_does_not_answer()
    {
        await StartAsync();
        using var phone = new SipTestPhone(SipEndPoint);

        _database.IsDown = true;
        var registered = await phone.SendAuthenticatedAsync(phone.Register(Device), Device, DevicePassword, Ct);
        _database.IsDown = false;

        Assert.Equal(200, registered.StatusCode);
    }

    [Fact]
    public async Task A_changed_device_password_counts_at_once_and_a_deleted_user_registers_no_more()
    {
        await StartAsync();
        using var phone = new SipTestPhone(SipEndPoint);

        var changed = await UsersAsync(users => users.UpdateAsync(_userId, DeviceUser("device-secret-2"), Ct));
        var withOld = await phone.SendAuthenticatedAsync(phone.Register(Device), Device, DevicePassword, Ct);
        var withNew = await phone.SendAuthenticatedAsync(phone.Register(Device), Device, "device-secret-2", Ct);
        await UsersAsync(users => users.DeleteAsync(_userId, Ct));
        var deleted = await phone.SendAuthenticatedAsync(phone.Register(Device), Device, "device-secret-2", Ct);

        Assert.True(changed.Succeeded);
        Assert.Equal((403, 200, 403), (withOld.StatusCode, withNew.StatusCode, deleted.StatusCode));
    }

    [Fact]
    public async Task A_registration_survives_a_restart()
    {
        await StartAsync();
        using var phone = new SipTestPhone(SipEndPoint);
        var registered = await phone.SendAuthenticatedAsync(phone.Register(Device, expires: 600), Device, DevicePassword, Ct);

        await RestartAsync();
        var restored = Factory.Services.GetRequiredService<BackToBackUserAgent>().Registrations.GetContacts(Device);

        Assert.Equal(200, registered.StatusCode);
        var binding = Assert.Single(restored);
        Assert.Equal((new IPEndPoint(IPAddress.Loopback, phone.Port), $"sip:{Device}@127.0.0.1:{phone.Port}"), (binding.Source.EndPoint, binding.ContactUri));
    }

    [Fact]
    public async Task A_user_keeps_at_most_ten_contacts_the_newest_replacing_the_oldest()
    {
        await StartAsync();
        using var phone = new SipTestPhone(SipEndPoint);

        Switchboard.Sip.SipResponse? last = null;
        for (var contact = 1; contact <= 12; contact++)
        {
            last = await phone.SendAuthenticatedAsync(phone.Register(Device, contactUser: $"phone{contact}"), Device, DevicePassword, Ct);
            Assert.Equal(200, last.StatusCode);
        }

        var contacts = _server!.Services.GetRequiredService<BackToBackUserAgent>().Registrations.GetContacts(Device).Select(b => b.ContactUri).ToList();
        Assert.Equal(10, last!.Headers.CountLines("Contact"u8));
        Assert.Equal(10, contacts.Count);
        Assert.DoesNotContain(contacts, uri => uri.StartsWith("sip:phone1@", StringComparison.Ordinal) || uri.StartsWith("sip:phone2@", StringComparison.Ordinal));
        Assert.Contains(contacts, uri => uri.StartsWith("sip:phone12@", StringComparison.Ordinal));
    }
}

/// <summary>Storage only feeds the cache at start and after saves: one database is enough.</summary>
public sealed class DeviceRegistrationTests_on_sqlite() : DeviceRegistrationTests(StorageKind.Sqlite);
