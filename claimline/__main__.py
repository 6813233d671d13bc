from claimline.cli import main

main()
