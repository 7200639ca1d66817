from welkom.cli import main

main()
