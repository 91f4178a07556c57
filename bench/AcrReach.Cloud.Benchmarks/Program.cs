using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AcrReach.Cloud.Benchmarks.CallOverheadBenchmarks).Assembly).Run(args);
