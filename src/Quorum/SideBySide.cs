namespace Quorum;

/// <summary>Work done side by side (<see cref="Parallel.Invoke(Action[])"/>), its first failure (a full disk, say) reported as it is, not as a parallel wrapper.</summary>
internal static class SideBySide
{
    public static void Run(params Action[] work)
    {
        try
        {
            Parallel.Invoke(work);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.FirstOrDefault() is { } first && first is not AggregateException)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
