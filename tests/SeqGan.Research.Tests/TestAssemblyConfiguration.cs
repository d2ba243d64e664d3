// libtorch's random generator and the process's resident memory are process-wide: tests that seed
// and then draw, or that measure RSS, give wrong answers when another test runs beside them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
