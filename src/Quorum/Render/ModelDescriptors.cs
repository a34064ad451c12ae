using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using HandlebarsDotNet.Iterators;
using HandlebarsDotNet.MemberAccessors;
using HandlebarsDotNet.ObjectDescriptors;
using HandlebarsDotNet.PathStructure;

namespace Quorum.Render;

/// <summary>
/// How Handlebars.Net reads Quorum's page models where the runtime cannot generate code (the standalone build is
/// compiled ahead of time, Native AOT): a property's value through reflection, found by name as Handlebars.Net finds it
/// (public, no index, case ignored; then a public field). Handlebars.Net's own reader makes a typed getter for each
/// property with <c>MakeGenericMethod</c>, which an ahead-of-time build cannot do for value types (a <c>bool</c>
/// property failed the first page). Only a theme other than the default one, which is compiled into Quorum, runs on
/// Handlebars.Net at all.
/// </summary>
sealed class ModelDescriptors : IObjectDescriptorProvider, IMemberAccessor
{
    static readonly Assembly Models = typeof(ModelDescriptors).Assembly;
    readonly ConcurrentDictionary<(Type, string), MemberInfo?> _members = new();

    public bool TryGetDescriptor(Type type, [NotNullWhen(true)] out ObjectDescriptor? value)
    {
        value = type.Assembly == Models && !typeof(IEnumerable).IsAssignableFrom(type)
            ? new ObjectDescriptor(type, this, (_, o) => Names(o.GetType()), self => new ObjectIterator(self))
            : null;
        return value is not null;
    }

    public bool TryGetValue(object instance, ChainSegment memberName, out object? value)
    {
        var member = _members.GetOrAdd((instance.GetType(), memberName.TrimmedValue), static key => Find(key.Item1, key.Item2));
        value = member switch
        {
            PropertyInfo p => p.GetValue(instance),
            FieldInfo f => f.GetValue(instance),
            _ => null,
        };
        return member is not null;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Quorum's own assembly is kept whole (the standalone build trims only the framework).")]
    static MemberInfo? Find(Type type, string name) =>
        (MemberInfo?)type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .FirstOrDefault(p => p.GetIndexParameters().Length == 0 && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? type.GetFields(BindingFlags.Instance | BindingFlags.Public).FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Quorum's own assembly is kept whole (the standalone build trims only the framework).")]
    static IEnumerable Names(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).Select(p => (object)ChainSegment.Create(p.Name))
            .Concat(type.GetFields(BindingFlags.Instance | BindingFlags.Public).Select(f => (object)ChainSegment.Create(f.Name))).ToArray();
}
