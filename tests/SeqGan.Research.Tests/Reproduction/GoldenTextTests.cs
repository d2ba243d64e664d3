namespace SeqGan.Research.Tests.Reproduction;

public class GoldenTextTests
{
    [Fact]
    public void Float_rounding_in_the_seventh_digit_matches() =>
        Assert.Null(GoldenText.Difference("MLE,1,pretrain,4,3.576932668685913\n", "MLE,1,pretrain,4,3.576932430267334\n"));

    [Fact]
    public void A_rounded_number_may_differ_by_one_unit_of_its_last_digit() =>
        Assert.Null(GoldenText.Difference("| MLE | 3.659 |", "| MLE | 3.658 |"));

    [Theory]
    [InlineData("a,3.576932668685913", "a,3.577932668685913")]   // a change in the fourth digit
    [InlineData("| MLE | 3.659 |", "| MLE | 3.661 |")]           // two units of the last printed digit
    [InlineData("epoch,4,3.5", "epoch,5,3.5")]                   // integers are compared exactly
    [InlineData("MLE,3.5", "SS,3.5")]                            // so is text
    [InlineData("1.5,2.5", "1.5")]                               // and the number of values
    public void Real_changes_are_reported(string golden, string written) =>
        Assert.NotNull(GoldenText.Difference(golden, written));
}
