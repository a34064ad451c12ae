using Quorum.Benchmarks;

namespace Quorum.Tests.Corpus;

/// <summary>
/// <c>Quorum.Benchmarks jit</c> sums the JIT's time by where each method came from. The names are as the runtime's JIT
/// events gave them in a trace of a 1,000-meeting build (benchmarks/jit.sh, session 22).
/// </summary>
public sealed class JitReportTests
{
    [Theory]
    [InlineData("dynamicClass", "lambda_method58", "expression trees (Handlebars.Net templates)")]
    [InlineData("dynamicClass", "InvokeStub_RawObjectTypeDescriptor.CreateGetDelegate", "reflection invoke stubs")]
    [InlineData("System.Text.RegularExpressions.CompiledRegexRunner", "Regex1_Scan", "compiled regular expressions")]
    [InlineData("System.Linq.Enumerable+SkipTakeOrderedIterator`1[System.ValueTuple`2[System.__Canon,System.DateOnly]]", "MoveNext", "System.Linq")]
    [InlineData("System.Collections.Generic.GenericArraySortHelper`1[System.Int32]", "Sort", "System.Collections")]
    [InlineData("HandlebarsDotNet.MemberAccessors.ReflectionMemberAccessor+RawObjectTypeDescriptor", "CreateGetDelegate", "HandlebarsDotNet.MemberAccessors")]
    [InlineData("System.AppContext", "Setup", "System.AppContext")]
    public void Names_where_a_compiled_method_came_from(string ns, string name, string origin) =>
        Assert.Equal(origin, JitReport.Origin(new JitReport.Compiled(ns, name, 0, 1)));
}
