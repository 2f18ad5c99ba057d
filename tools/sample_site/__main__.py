from tools.sample_site.generate import main

main()
