namespace AcrReach.Functions;

public static class Program
{
    public static int Main(string[] args)
    {
        _ = args;
        Console.Error.WriteLine("acr-reach function host: not built yet (issue 5)");
        return 1;
    }
}
