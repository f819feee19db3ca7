using BenchmarkDotNet.Running;

namespace Assessment.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project tests/Benchmarks -- --filter '*'</c>.</summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
