import { listingRoute, kindListing } from "@/app/[locale]/_views/listing";

const route = listingRoute(kindListing, true);

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
