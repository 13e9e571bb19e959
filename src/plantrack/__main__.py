from plantrack.cli.entry import main

main()
