<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="tiles16" tilewidth="16" tileheight="16" tilecount="224" columns="16">
 <image source="../../../maps/tilesets/garage.png" width="256" height="224"/>
</tileset>
