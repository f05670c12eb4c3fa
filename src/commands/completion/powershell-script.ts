// A template literal: \` is PowerShell's escape character; every line under 80 columns (see bash-script.ts).
export const powershellScript = `# sparkport completion for PowerShell. Add it to your profile ($PROFILE):
#   sparkport completion powershell >> $PROFILE
# The candidates come from "sparkport __complete WORDS... CURRENT", one a
# line, a description after a tab; ":files" alone asks for file names.
Register-ArgumentCompleter -Native -CommandName sparkport -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements | Select-Object -Skip 1 |
        Where-Object { $_.Extent.EndOffset -lt $cursorPosition } |
        ForEach-Object { $_.Extent.Text })
    # Before PowerShell 7.3 an empty argument never reaches a program.
    $current = $wordToComplete
    if ($current -eq '' -and ($PSVersionTable.PSVersion -lt [version]'7.3' -or
            $PSNativeCommandArgumentPassing -eq 'Legacy')) { $current = '""' }
    $lines = @(& sparkport __complete @words $current 2>$null)
    # Nothing returned: PowerShell completes file names itself.
    if ($lines.Count -gt 0 -and $lines[0] -eq ':files') { return }
    foreach ($line in $lines) {
        if ($line -eq '') { continue }
        $value, $description = $line -split "\`t", 2
        if (-not $description) { $description = $value }
        [System.Management.Automation.CompletionResult]::new(
            $value, $value, 'ParameterValue', $description)
    }
}
`;
